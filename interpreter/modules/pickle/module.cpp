// modules/pickle/module.cpp — the pickle module's functions and exceptions
// (the format is described in pickle.h): dumps, loads, dump, load,
// PickleError / PicklingError / UnpicklingError (as CPython's C
// accelerator, they print as _pickle.PicklingError), HIGHEST_PROTOCOL,
// DEFAULT_PROTOCOL, and the Pickler / Unpickler classes. Keyword arguments
// CPython accepts for compatibility (fix_imports, encoding, errors, buffers,
// buffer_callback) are accepted; fix_imports is always on, and out-of-band
// buffers are not supported.

#include <string>

#include "modules/pickle/memo.h"
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
bool no_buffers(ThreadState& ts, Value b, const char* kw) {
  if (b.is_null() || b.is_none()) return true;
  if (Tuple* t = as_tuple(b); t != nullptr && t->items.empty()) return true;
  raise_fmt(ts, ts.interp.types.NotImplementedError, "pickle: {} (out-of-band buffers) is not supported by gilvm", kw);
  return false;
}

enum class FileUse { Write, Read };

// The file argument of dump / Pickler (it needs write) or load / Unpickler
// (it needs read), checked as CPython checks it.
bool check_file(ThreadState& ts, Value file, FileUse use) {
  Value m = lookup_attr(ts, file, use == FileUse::Write ? ts.interp.names.write : ts.interp.intern("read"));
  if (m.is_fail()) return false;
  if (!m.is_null()) return true;
  raise(ts, ts.interp.types.TypeError,
        use == FileUse::Write ? "file must have a 'write' attribute" : "file must have 'read' and 'readline' attributes");
  return false;
}

// file.write(the pickle)
bool write_pickle(ThreadState& ts, Value file, std::string out) {
  Value data = new_bytes(ts, std::move(out));
  TempRoot keep(ts, data);
  return !call_method(ts, file, ts.interp.names.write, std::span<const Value>(&data, 1)).is_fail();
}

// dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)
Value p_dumps(ThreadState& ts, Value self, const Args& a) {
  Value o = a[0];
  int proto;
  if (!protocol_arg(ts, a[1], proto)) return Value::fail();
  if (!no_buffers(ts, a[3], "buffer_callback")) return Value::fail();
  std::string out;
  if (!pickle::dump_value(ts, errors_of(self), o, proto, out)) return Value::fail();
  return new_bytes(ts, std::move(out));
}

// dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)
Value p_dump(ThreadState& ts, Value self, const Args& a) {
  Value o = a[0], file = a[1];
  int proto;
  if (!protocol_arg(ts, a[2], proto)) return Value::fail();
  if (!no_buffers(ts, a[4], "buffer_callback")) return Value::fail();
  if (!check_file(ts, file, FileUse::Write)) return Value::fail();
  std::string out;
  if (!pickle::dump_value(ts, errors_of(self), o, proto, out) || !write_pickle(ts, file, std::move(out)))
    return Value::fail();
  return Value::none();
}

// loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=())
Value p_loads(ThreadState& ts, Value self, const Args& a) {
  if (!no_buffers(ts, a[4], "buffers")) return Value::fail();
  Bytes* b = as_bytes(a[0]);
  if (b == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, a[0]));
  TempRoot keep(ts, a[0]);
  return pickle::load_value(ts, errors_of(self), b->s);
}

// load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=())
Value p_load(ThreadState& ts, Value self, const Args& a) {
  Value file = a[0];
  if (!no_buffers(ts, a[4], "buffers")) return Value::fail();
  if (!check_file(ts, file, FileUse::Read)) return Value::fail();
  return pickle::load_file(ts, errors_of(self), file);
}

// ---------------------------------------------------------------------------
// Pickler(file, protocol=None) and Unpickler(file): the memo lives as long
// as the object, so a later dump() refers back to what an earlier one wrote
// (and a later load() resolves it), as CPython's; clear_memo() forgets.
// Not subclassable (gilvm's user classes cannot derive from native types),
// so no persistent_id / reducer_override hooks.
// ---------------------------------------------------------------------------

// Roots::first keeps every memoized object alive between dumps.
struct PicklerObj : pickle::Roots {
  Value file;
  Value module_state;  // the PickleModule, for its exception types
  int protocol = pickle::kDefaultProtocol;
  pickle::PickleMemo memo;
  explicit PicklerObj(Type* t) : Roots(t) { memo.pinned = true; }
  void trace(Tracer& t) override {
    Roots::trace(t);
    t.mark(file);
    t.mark(module_state);
  }
};

// Roots::second is the memo, kept between loads.
struct UnpicklerObj : pickle::Roots {
  Value file;
  Value module_state;
  explicit UnpicklerObj(Type* t) : Roots(t) {}
  void trace(Tracer& t) override {
    Roots::trace(t);
    t.mark(file);
    t.mark(module_state);
  }
};

template <class T>
T* receiver(ThreadState& ts, Value self, const char* type_name_text) {
  T* o = nullptr;
  if (self.is_obj() && self.as_obj()->kind == Kind::Opaque) o = dynamic_cast<T*>(self.as_obj());
  if (o == nullptr)
    raise_fmt(ts, ts.interp.types.TypeError, "descriptor requires a '_pickle.{}' object but received '{}'",
              type_name_text, type_name(ts, self));
  return o;
}

// The module state a type was made with (kept in its dict).
Value state_of_type(Interpreter& in, Value type) { return dict_get_cstr(in, as_type(type)->dict, "_module_state"); }

// Pickler(file, protocol=None, *, fix_imports=True, buffer_callback=None)
Value pickler_ctor(ThreadState& ts, Value self, const Args& a) {
  // A type's constructor is no table row: its signature is parsed on first use.
  static const MethodDef def{"Pickler", pickler_ctor, "file, protocol=None, *, fix_imports=True, buffer_callback=None",
                             Style::Keywords};
  static const Signature sig = parse_signature(def, "Pickler");
  Value p_args[4];
  if (!bind_args(ts, sig, a, p_args)) return Value::fail();
  Value file = p_args[0];
  int proto;
  if (!protocol_arg(ts, p_args[1], proto)) return Value::fail();
  if (!no_buffers(ts, p_args[3], "buffer_callback")) return Value::fail();
  if (!check_file(ts, file, FileUse::Write)) return Value::fail();
  auto* p = ts.interp.heap.make<PicklerObj>(as_type(self));
  p->file = file;
  p->protocol = proto;
  p->module_state = state_of_type(ts.interp, self);
  return obj(p);
}

Value pickler_dump(ThreadState& ts, Value self, const Args& a) {
  auto* p = receiver<PicklerObj>(ts, self, "Pickler");
  if (p == nullptr) return Value::fail();
  std::string out;
  if (!pickle::dump_value_with_memo(ts, errors_of(p->module_state), a[0], p->protocol, out, p, p->memo) ||
      !write_pickle(ts, p->file, std::move(out)))
    return Value::fail();
  return Value::none();
}

Value pickler_clear_memo(ThreadState& ts, Value self, const Args& a) {
  auto* p = receiver<PicklerObj>(ts, self, "Pickler");
  if (p == nullptr) return Value::fail();
  p->memo = pickle::PickleMemo{};
  p->memo.pinned = true;
  p->first.clear();
  return Value::none();
}

// Unpickler(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=())
Value unpickler_ctor(ThreadState& ts, Value self, const Args& a) {
  static const MethodDef def{"Unpickler", unpickler_ctor,
                             "file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()", Style::Keywords};
  static const Signature sig = parse_signature(def, "Unpickler");
  Value u_args[5];
  if (!bind_args(ts, sig, a, u_args)) return Value::fail();
  Value file = u_args[0];
  if (!no_buffers(ts, u_args[4], "buffers")) return Value::fail();
  if (!check_file(ts, file, FileUse::Read)) return Value::fail();
  auto* u = ts.interp.heap.make<UnpicklerObj>(as_type(self));
  u->file = file;
  u->module_state = state_of_type(ts.interp, self);
  return obj(u);
}

Value unpickler_load(ThreadState& ts, Value self, const Args& a) {
  auto* u = receiver<UnpicklerObj>(ts, self, "Unpickler");
  if (u == nullptr) return Value::fail();
  return pickle::load_file(ts, errors_of(u->module_state), u->file, u);
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

  // The functions' Natives carry the module state as `self`.
  static constexpr MethodDef kFunctions[] = {
      {"dumps", p_dumps, "obj, protocol=None, *, fix_imports=True, buffer_callback=None", Style::Keywords},
      {"dump", p_dump, "obj, file, protocol=None, *, fix_imports=True, buffer_callback=None", Style::Keywords},
      {"loads", p_loads, "data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()",
       Style::Keywords},
      {"load", p_load, "file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=()", Style::Keywords}};
  add_functions(in, d, kFunctions);
  for (const MethodDef& f : kFunctions) static_cast<Native*>(dict_get_cstr(in, d, f.name).as_obj())->self = obj(state);
  static constexpr MethodDef kPicklerMethods[] = {{"dump", pickler_dump, "obj, /", Style::One, Access::Mutates},
                                                  {"clear_memo", pickler_clear_memo, "", Style::NoArgs, Access::Mutates}};
  static constexpr MethodDef kUnpicklerMethods[] = {{"load", unpickler_load, "", Style::NoArgs, Access::Mutates}};
  struct ClassDef {
    const char* name;
    NativeFn ctor;
    std::span<const MethodDef> methods;
  };
  for (const ClassDef& c : {ClassDef{"Pickler", pickler_ctor, kPicklerMethods},
                            ClassDef{"Unpickler", unpickler_ctor, kUnpicklerMethods}}) {
    Type* t = make_builtin_type(in, c.name, in.types.object, Kind::Opaque);
    t->module_name = obj(modname);
    t->ctor = c.ctor;
    add_methods(in, t, c.methods);
    dict_set_cstr(in, t->dict, "_module_state", obj(state));
    dict_set_cstr(in, d, c.name, obj(t));
  }
  dict_set_cstr(in, d, "PickleError", obj(e.pickle_error));
  dict_set_cstr(in, d, "PicklingError", obj(e.pickling_error));
  dict_set_cstr(in, d, "UnpicklingError", obj(e.unpickling_error));
  dict_set_cstr(in, d, "HIGHEST_PROTOCOL", Value::from_int(pickle::kHighestProtocol));
  dict_set_cstr(in, d, "DEFAULT_PROTOCOL", Value::from_int(pickle::kDefaultProtocol));
  return true;
}

}  // namespace gilvm
