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
bool no_buffers(ThreadState& ts, const Args& a, const char* kw) {
  Value b = kwarg(a, kw);
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
    return raise_fmt(ts, ts.interp.types.TypeError, "dump() missing required argument '{}' (pos {})",
                     o.is_null() ? "obj" : "file", o.is_null() ? 1 : 2);
  int proto;
  if (!protocol_arg(ts, a.npos > 2 ? a[2] : kwarg(a, "protocol"), proto)) return Value::fail();
  if (!no_buffers(ts, a, "buffer_callback")) return Value::fail();
  if (!check_file(ts, file, FileUse::Write)) return Value::fail();
  std::string out;
  if (!pickle::dump_value(ts, errors_of(self), o, proto, out) || !write_pickle(ts, file, std::move(out)))
    return Value::fail();
  return Value::none();
}

// loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=())
Value p_loads(ThreadState& ts, Value self, const Args& a) {
  if (!check_kwargs(ts, a, "loads", {"fix_imports", "encoding", "errors", "buffers"})) return Value::fail();
  if (a.npos != 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "loads() takes exactly 1 positional argument ({} given)", a.npos);
  if (!no_buffers(ts, a, "buffers")) return Value::fail();
  Bytes* b = as_bytes(a[0]);
  if (b == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, a[0]));
  TempRoot keep(ts, a[0]);
  return pickle::load_value(ts, errors_of(self), b->s);
}

// load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=())
Value p_load(ThreadState& ts, Value self, const Args& a) {
  if (!check_kwargs(ts, a, "load", {"file", "fix_imports", "encoding", "errors", "buffers"})) return Value::fail();
  Value file = a.npos > 0 ? a[0] : kwarg(a, "file");
  if (a.npos > 1) return raise_fmt(ts, ts.interp.types.TypeError, "load() takes at most 1 positional argument ({} given)", a.npos);
  if (file.is_null()) return raise(ts, ts.interp.types.TypeError, "load() missing required argument 'file' (pos 1)");
  if (!no_buffers(ts, a, "buffers")) return Value::fail();
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
  if (!check_kwargs(ts, a, "Pickler", {"file", "protocol", "fix_imports", "buffer_callback"})) return Value::fail();
  if (a.npos > 2) return raise_fmt(ts, ts.interp.types.TypeError, "Pickler() takes at most 2 positional arguments ({} given)", a.npos);
  Value file = a.npos > 0 ? a[0] : kwarg(a, "file");
  if (file.is_null()) return raise(ts, ts.interp.types.TypeError, "Pickler() missing required argument 'file' (pos 1)");
  int proto;
  if (!protocol_arg(ts, a.npos > 1 ? a[1] : kwarg(a, "protocol"), proto)) return Value::fail();
  if (!no_buffers(ts, a, "buffer_callback")) return Value::fail();
  if (!check_file(ts, file, FileUse::Write)) return Value::fail();
  auto* p = ts.interp.heap.make<PicklerObj>(as_type(self));
  p->file = file;
  p->protocol = proto;
  p->module_state = state_of_type(ts.interp, self);
  return obj(p);
}

Value pickler_dump(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "dump", 1, 1)) return Value::fail();
  auto* p = receiver<PicklerObj>(ts, self, "Pickler");
  if (p == nullptr) return Value::fail();
  std::string out;
  if (!pickle::dump_value_with_memo(ts, errors_of(p->module_state), a[0], p->protocol, out, p, p->memo) ||
      !write_pickle(ts, p->file, std::move(out)))
    return Value::fail();
  return Value::none();
}

Value pickler_clear_memo(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "clear_memo", 0, 0)) return Value::fail();
  auto* p = receiver<PicklerObj>(ts, self, "Pickler");
  if (p == nullptr) return Value::fail();
  p->memo = pickle::PickleMemo{};
  p->memo.pinned = true;
  p->first.clear();
  return Value::none();
}

// Unpickler(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=())
Value unpickler_ctor(ThreadState& ts, Value self, const Args& a) {
  if (!check_kwargs(ts, a, "Unpickler", {"file", "fix_imports", "encoding", "errors", "buffers"})) return Value::fail();
  if (a.npos > 1) return raise_fmt(ts, ts.interp.types.TypeError, "Unpickler() takes at most 1 positional argument ({} given)", a.npos);
  Value file = a.npos > 0 ? a[0] : kwarg(a, "file");
  if (file.is_null()) return raise(ts, ts.interp.types.TypeError, "Unpickler() missing required argument 'file' (pos 1)");
  if (!no_buffers(ts, a, "buffers")) return Value::fail();
  if (!check_file(ts, file, FileUse::Read)) return Value::fail();
  auto* u = ts.interp.heap.make<UnpicklerObj>(as_type(self));
  u->file = file;
  u->module_state = state_of_type(ts.interp, self);
  return obj(u);
}

Value unpickler_load(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "load", 0, 0)) return Value::fail();
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

  static constexpr MethodDef kFunctions[] = {
      {"dumps", p_dumps}, {"dump", p_dump}, {"loads", p_loads}, {"load", p_load}};
  for (const MethodDef& f : kFunctions) dict_set_cstr(in, d, f.name, obj(new_native(ts, f.fn, f.name, obj(state))));
  static constexpr MethodDef kPicklerMethods[] = {{"dump", pickler_dump}, {"clear_memo", pickler_clear_memo}};
  static constexpr MethodDef kUnpicklerMethods[] = {{"load", unpickler_load}};
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
