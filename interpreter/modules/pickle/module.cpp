// modules/pickle/module.cpp — the pickle module's functions and exceptions
// (the format is described in pickle.h): dumps, loads, dump, load,
// PickleError / PicklingError / UnpicklingError (as CPython's C
// accelerator, they print as _pickle.PicklingError), HIGHEST_PROTOCOL and
// DEFAULT_PROTOCOL. Keyword arguments CPython accepts for compatibility
// (fix_imports, encoding, errors, buffers, buffer_callback) are accepted;
// fix_imports is always on, and out-of-band buffers are not supported.

#include <string>

#include "modules/pickle/pickle.h"
#include "modules/registry.h"

namespace gilvm {

namespace {

using pickle::ErrorTypes;

// The module's state, the receiver of its functions.
struct PickleModule : Opaque {
  ErrorTypes errors{};
  explicit PickleModule(Type* t) : Opaque(t) {}
  void trace(Tracer& t) override {
    t.mark(errors.pickle_error);
    t.mark(errors.pickling_error);
    t.mark(errors.unpickling_error);
    t.mark(errors.roots);
  }
};

const ErrorTypes& errors_of(Value self) { return static_cast<PickleModule*>(self.as_obj())->errors; }

// The protocol argument: None for the default, a negative number for the
// highest.
bool protocol_arg(ThreadState& ts, Value v, int& out) {
  if (v.is_null() || v.is_none()) {
    out = pickle::kDefaultProtocol;
    return true;
  }
  if (!is_int_like(v)) {
    raise_fmt(ts, ts.interp.types.TypeError, "'{}' object cannot be interpreted as an integer", type_name(ts, v));
    return false;
  }
  auto p = to_index(ts, v);
  if (!p) return false;
  if (*p < 0) {
    out = pickle::kHighestProtocol;
  } else if (*p > pickle::kHighestProtocol) {
    raise_fmt(ts, ts.interp.types.ValueError, "pickle protocol must be <= {}", pickle::kHighestProtocol);
    return false;
  } else {
    out = static_cast<int>(*p);
  }
  return true;
}

// The buffer_callback / buffers arguments: only their "none" values.
bool no_buffers(ThreadState& ts, const Args& a, const char* kw) {
  Value b = kwarg(a, kw);
  if (b.is_null() || b.is_none()) return true;
  if (Tuple* t = as_tuple(b); t != nullptr && t->items.empty()) return true;
  raise_fmt(ts, ts.interp.types.NotImplementedError, "pickle: {} (out-of-band buffers) is not supported by gilvm", kw);
  return false;
}

// dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)
Value p_dumps(ThreadState& ts, Value self, const Args& a) {
  if (!check_kwargs(ts, a, "dumps", {"obj", "protocol", "fix_imports", "buffer_callback"})) return Value::fail();
  Value o = a.npos > 0 ? a[0] : kwarg(a, "obj");
  if (a.npos > 2) return raise_fmt(ts, ts.interp.types.TypeError, "dumps() takes at most 2 positional arguments ({} given)", a.npos);
  if (o.is_null()) return raise(ts, ts.interp.types.TypeError, "dumps() missing required argument 'obj' (pos 1)");
  int proto;
  if (!protocol_arg(ts, a.npos > 1 ? a[1] : kwarg(a, "protocol"), proto)) return Value::fail();
  if (!no_buffers(ts, a, "buffer_callback")) return Value::fail();
  std::string out;
  if (!pickle::dump_value(ts, errors_of(self), o, proto, out)) return Value::fail();
  return new_bytes(ts, std::move(out));
}

// dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)
Value p_dump(ThreadState& ts, Value self, const Args& a) {
  if (!check_kwargs(ts, a, "dump", {"obj", "file", "protocol", "fix_imports", "buffer_callback"})) return Value::fail();
  if (a.npos > 3) return raise_fmt(ts, ts.interp.types.TypeError, "dump() takes at most 3 positional arguments ({} given)", a.npos);
  Value o = a.npos > 0 ? a[0] : kwarg(a, "obj");
  Value file = a.npos > 1 ? a[1] : kwarg(a, "file");
  if (o.is_null() || file.is_null())
    return raise_fmt(ts, ts.interp.types.TypeError, "dump() missing required argument '{}'", o.is_null() ? "obj" : "file");
  int proto;
  if (!protocol_arg(ts, a.npos > 2 ? a[2] : kwarg(a, "protocol"), proto)) return Value::fail();
  if (!no_buffers(ts, a, "buffer_callback")) return Value::fail();
  Value write = lookup_attr(ts, file, ts.interp.names.write);
  if (write.is_fail()) return write;
  if (write.is_null()) return raise(ts, ts.interp.types.TypeError, "file must have a 'write' attribute");
  TempRoot keep(ts, write);
  std::string out;
  if (!pickle::dump_value(ts, errors_of(self), o, proto, out)) return Value::fail();
  Value data = new_bytes(ts, std::move(out));
  TempRoot keep_data(ts, data);
  if (call(ts, write, std::span<const Value>(&data, 1)).is_fail()) return Value::fail();
  return Value::none();
}

// loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=())
Value p_loads(ThreadState& ts, Value self, const Args& a) {
  if (!check_kwargs(ts, a, "loads", {"fix_imports", "encoding", "errors", "buffers"})) return Value::fail();
  if (a.npos != 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "loads() takes exactly 1 positional argument ({} given)", a.npos);
  if (!no_buffers(ts, a, "buffers")) return Value::fail();
  std::string_view data;
  if (Bytes* b = as_bytes(a[0])) data = b->s;
  else if (Str* s = as_str(a[0])) data = s->s;  // CPython accepts str only if ASCII; gilvm its UTF-8 bytes
  else
    return raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, a[0]));
  TempRoot keep(ts, a[0]);
  return pickle::load_value(ts, errors_of(self), data);
}

// load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=())
Value p_load(ThreadState& ts, Value self, const Args& a) {
  if (!check_kwargs(ts, a, "load", {"file", "fix_imports", "encoding", "errors", "buffers"})) return Value::fail();
  Value file = a.npos > 0 ? a[0] : kwarg(a, "file");
  if (a.npos > 1) return raise_fmt(ts, ts.interp.types.TypeError, "load() takes at most 1 positional argument ({} given)", a.npos);
  if (file.is_null()) return raise(ts, ts.interp.types.TypeError, "load() missing required argument 'file' (pos 1)");
  if (!no_buffers(ts, a, "buffers")) return Value::fail();
  Value read = lookup_attr(ts, file, ts.interp.intern("read"));
  if (read.is_fail()) return read;
  if (read.is_null()) return raise(ts, ts.interp.types.TypeError, "file must have 'read' and 'readline' attributes");
  return pickle::load_file(ts, errors_of(self), file);
}

Type* make_error(Interpreter& in, Str* modname, std::string_view name, Type* base) {
  Type* t = make_builtin_type(in, name, base, Kind::Exception);
  t->ctor = in.types.Exception->ctor;
  t->module_name = obj(modname);
  t->builtin = false;  // printed as _pickle.PicklingError, like a class defined in Python
  return t;
}

}  // namespace

bool init_pickle_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Str* modname = in.intern("_pickle");
  Type* state_type = make_builtin_type(in, "_pickle_module", in.types.object, Kind::Opaque);
  auto* state = in.heap.make<PickleModule>(state_type);
  TempRoot keep(ts, obj(state));
  ErrorTypes& e = state->errors;
  e.pickle_error = make_error(in, modname, "PickleError", in.types.Exception);
  e.pickling_error = make_error(in, modname, "PicklingError", e.pickle_error);
  e.unpickling_error = make_error(in, modname, "UnpicklingError", e.pickle_error);
  e.roots = make_builtin_type(in, "_pickle_roots", in.types.object, Kind::Opaque);

  static constexpr NativeDef kFunctions[] = {
      {"dumps", p_dumps}, {"dump", p_dump}, {"loads", p_loads}, {"load", p_load}};
  for (const NativeDef& f : kFunctions) dict_set_cstr(in, d, f.name, obj(new_native(ts, f.fn, f.name, obj(state))));
  dict_set_cstr(in, d, "PickleError", obj(e.pickle_error));
  dict_set_cstr(in, d, "PicklingError", obj(e.pickling_error));
  dict_set_cstr(in, d, "UnpicklingError", obj(e.unpickling_error));
  dict_set_cstr(in, d, "HIGHEST_PROTOCOL", Value::from_int(pickle::kHighestProtocol));
  dict_set_cstr(in, d, "DEFAULT_PROTOCOL", Value::from_int(pickle::kDefaultProtocol));
  return true;
}

}  // namespace gilvm
