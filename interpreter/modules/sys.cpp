// modules/sys.cpp — the sys module: argv, exit, the standard streams, the
// recursion limit, the switch interval, version facts.
//
// Design. Plain values (argv, path, version, ...) are filled in once when
// the module is made. Things the VM owns stay in the VM and sys only reads
// or writes them: sys.modules *is* interp.modules, the recursion limit is
// interp.recursion_limit, exc_info() reads ts.exc_info, and the switch
// interval is interp.config.switch_interval, applied to the GIL (vm/gil.h).
//
// The standard streams are runtime/file.h File objects over fd 0, 1 and 2;
// sys.__stdout__ & co keep the originals, and print() finds the current
// sys.stdout through runtime/file.h sys_stream(). Messages are CPython
// 3.11's.

#include <cmath>
#include <limits>

#include "modules/registry.h"
#include "runtime/file.h"
#include "vm/api.h"

namespace gilvm {

namespace {


Value raise_count(ThreadState& ts, const char* name, std::size_t min, std::size_t max,
                  std::size_t n) {
  if (n < min)
    return raise_fmt(ts, ts.interp.types.TypeError, "{} expected {}{} argument{}, got {}", name,
                     min == max ? "" : "at least ", min, min == 1 ? "" : "s", n);
  return raise_fmt(ts, ts.interp.types.TypeError, "{} expected {}{} argument{}, got {}", name,
                   min == max ? "" : "at most ", max, max == 1 ? "" : "s", n);
}

bool check(ThreadState& ts, const Args& a, const char* name, std::size_t min, std::size_t max) {
  if (a.nkw != 0) {
    raise_fmt(ts, ts.interp.types.TypeError, "{}() takes no keyword arguments", name);
    return false;
  }
  if (a.size() < min || a.size() > max) {
    raise_count(ts, name, min, max, a.size());
    return false;
  }
  return true;
}

Value sys_exit(ThreadState& ts, Value self, const Args& a) {
  if (!check(ts, a, "exit", 0, 1)) return Value::fail();
  Value exc = new_exception(ts, ts.interp.types.SystemExit, std::span<const Value>(a.pos, a.size()));
  if (exc.is_fail()) return exc;
  return raise(ts, exc);
}

Value sys_getrecursionlimit(ThreadState& ts, Value self, const Args& a) {
  if (!check(ts, a, "getrecursionlimit", 0, 0)) return Value::fail();
  return Value::from_int(ts.interp.recursion_limit);
}

Value sys_setrecursionlimit(ThreadState& ts, Value self, const Args& a) {
  if (!check(ts, a, "setrecursionlimit", 1, 1)) return Value::fail();
  if (a[0].is_float())
    return raise(ts, ts.interp.types.TypeError, "'float' object cannot be interpreted as an integer");
  auto n = to_index(ts, a[0]);
  if (!n) return Value::fail();
  if (*n < 1)
    return raise(ts, ts.interp.types.ValueError, "recursion limit must be greater or equal than 1");
  if (*n > std::numeric_limits<int>::max())
    return raise(ts, ts.interp.types.OverflowError, "Python int too large to convert to C int");
  if (*n <= ts.depth)
    return raise_fmt(ts, ts.interp.types.RecursionError,
                     "cannot set the recursion limit to {} at the recursion depth {}: the limit "
                     "is too low",
                     *n, ts.depth);
  ts.interp.recursion_limit = static_cast<int>(*n);
  return Value::none();
}

Value sys_getswitchinterval(ThreadState& ts, Value self, const Args& a) {
  if (!check(ts, a, "getswitchinterval", 0, 0)) return Value::fail();
  return Value::from_float(ts.interp.config.switch_interval);
}

Value sys_setswitchinterval(ThreadState& ts, Value self, const Args& a) {
  if (!check(ts, a, "setswitchinterval", 1, 1)) return Value::fail();
  if (!a[0].is_float() && !is_int_like(a[0]))
    return raise_fmt(ts, ts.interp.types.TypeError, "must be real number, not {}",
                     type_name(ts, a[0]));
  auto d = to_double(ts, a[0]);
  if (!d) return Value::fail();
  if (!(*d > 0.0))
    return raise(ts, ts.interp.types.ValueError, "switch interval must be strictly positive");
  ts.interp.config.switch_interval = *d;
  ts.interp.configure_gil();
  return Value::none();
}

Value sys_intern(ThreadState& ts, Value self, const Args& a) {
  if (!check(ts, a, "intern", 1, 1)) return Value::fail();
  Str* s = as_str(a[0]);
  if (s == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "intern() argument must be str, not {}",
                     type_name(ts, a[0]));
  return obj(ts.interp.intern(s->s));
}

Value sys_exc_info(ThreadState& ts, Value self, const Args& a) {
  if (!check(ts, a, "exc_info", 0, 0)) return Value::fail();
  Value e = ts.exc_info;
  if (e.is_null() || e.is_none())
    return obj(new_tuple(ts, {Value::none(), Value::none(), Value::none()}));
  return obj(new_tuple(ts, {obj(type_of(ts, e)), e, Value::none()}));
}

Value sys_exception(ThreadState& ts, Value self, const Args& a) {
  if (!check(ts, a, "exception", 0, 0)) return Value::fail();
  Value e = ts.exc_info;
  return e.is_null() ? Value::none() : e;
}

// Roughly CPython's sizes on 64-bit Linux, for programs that print them.
Value sys_getsizeof(ThreadState& ts, Value self, const Args& a) {
  if (a.size() < 1 || a.size() > 2) return raise_count(ts, "getsizeof", 1, 2, a.size());
  Value v = a[0];
  std::int64_t n = 16;
  if (v.is_int() || v.is_bool()) {
    // 30-bit digits, as CPython's int (0 and False have none).
    std::int64_t i = v.is_bool() ? v.as_bool() : v.as_int();
    std::uint64_t m = i < 0 ? 0 - static_cast<std::uint64_t>(i) : static_cast<std::uint64_t>(i);
    int digits = 0;
    for (; m != 0; m >>= 30) ++digits;
    n = 24 + 4 * digits;
  } else if (v.is_float()) {
    n = 24;
  } else if (v.is_none()) {
    n = 16;
  } else if (BigIntObj* b = as_bigint(v)) {
    n = 24 + 4 * static_cast<std::int64_t>((b->v.bit_length() + 29) / 30);
  } else if (Str* s = as_str(v)) {
    n = s->ascii ? 49 + static_cast<std::int64_t>(s->length)
                 : 74 + 2 * static_cast<std::int64_t>(s->length);
  } else if (Bytes* b = as_bytes(v)) {
    n = 33 + static_cast<std::int64_t>(b->s.size());
  } else if (List* l = as_list(v)) {
    n = 56 + 8 * static_cast<std::int64_t>(l->items.capacity());
  } else if (Tuple* t = as_tuple(v)) {
    n = 40 + 8 * static_cast<std::int64_t>(t->items.size());
  } else if (Dict* d = as_dict(v)) {
    n = d->index.empty() ? 64 : 64 + 8 * static_cast<std::int64_t>(d->index.size()) +
                                    24 * static_cast<std::int64_t>(d->entries.capacity());
  } else if (Set* st = as_set(v)) {
    n = 200 + 16 * static_cast<std::int64_t>(st->table.size());
  } else {
    n = 48;
  }
  return Value::from_int(n);
}

Value sys_getdefaultencoding(ThreadState& ts, Value self, const Args& a) {
  if (!check(ts, a, "getdefaultencoding", 0, 0)) return Value::fail();
  return new_str(ts, "utf-8");
}

const MethodDef kSysFunctions[] = {
    {"exit", sys_exit},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"getswitchinterval", sys_getswitchinterval},
    {"setswitchinterval", sys_setswitchinterval},
    {"intern", sys_intern},
    {"exc_info", sys_exc_info},
    {"exception", sys_exception},
    {"getsizeof", sys_getsizeof},
    {"getdefaultencoding", sys_getdefaultencoding},
    {"getfilesystemencoding", sys_getdefaultencoding},
};

List* str_list(ThreadState& ts, const std::vector<std::string>& items) {
  List* l = new_list(ts, items.size());
  for (const auto& s : items) l->items.push_back(obj(new_str_obj(ts.interp, s)));
  return l;
}

}  // namespace

bool init_sys_module(ThreadState& ts, Dict* d) {
  Interpreter& interp = ts.interp;
  add_functions(interp, d, kSysFunctions);
  auto set = [&](const char* name, Value v) { dict_set_cstr(interp, d, name, v); };

  set("argv", obj(str_list(ts, interp.config.argv)));
  set("orig_argv", obj(str_list(ts, interp.config.argv)));
  set("path", obj(str_list(ts, interp.config.path)));
  set("executable", obj(new_str_obj(interp, interp.config.executable)));
  set("modules", obj(interp.modules));
  set("version", obj(new_str_obj(interp, "3.11.0 (gilvm 0.1.0)")));
  set("version_info", obj(new_tuple(ts, {Value::from_int(3), Value::from_int(11), Value::from_int(0),
                                         obj(interp.intern("final")), Value::from_int(0)})));
  set("hexversion", Value::from_int(0x030B00F0));
  set("api_version", Value::from_int(1013));
  set("platform", obj(interp.intern("linux")));
  set("byteorder", obj(interp.intern("little")));
  set("maxsize", Value::from_int(std::numeric_limits<std::int64_t>::max()));
  set("maxunicode", Value::from_int(0x10FFFF));
  set("prefix", obj(interp.intern("/usr/local")));
  set("exec_prefix", obj(interp.intern("/usr/local")));
  set("dont_write_bytecode", Value::from_bool(true));
  set("implementation_name", obj(interp.intern("gilvm")));
  set("builtin_module_names",
      obj(new_tuple(ts, {obj(interp.intern("builtins")), obj(interp.intern("sys"))})));

  File* in = file_for_fd(ts, 0, "r", "<stdin>");
  set("stdin", obj(in));
  set("__stdin__", obj(in));
  File* out = file_for_fd(ts, 1, "w", "<stdout>");
  set("stdout", obj(out));
  set("__stdout__", obj(out));
  File* err = file_for_fd(ts, 2, "w", "<stderr>");
  set("stderr", obj(err));
  set("__stderr__", obj(err));
  return true;
}

}  // namespace gilvm
