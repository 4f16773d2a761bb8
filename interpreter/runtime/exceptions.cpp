// Exceptions: raising (with __context__ chaining, Python Language Reference
// §7.8 "The raise statement"), matching in `except`, and the methods of
// BaseException and its builtin subclasses (str/repr per CPython's
// Objects/exceptions.c behaviour: KeyError shows the repr of its key,
// OSError formats "[Errno N] message: 'filename'").
#include "runtime/exceptions.h"

#include <cerrno>

#include "vm/api.h"
#include "vm/eval.h"
#include "vm/ops.h"

namespace gilvm {

Value raise(ThreadState& ts, Value exc) {
  Exception* e = as_exception(exc);
  if (e != nullptr && !ts.exc_info.is_null() && !ts.exc_info.identical(exc) && e->context.is_null()) {
    // Chain the exception being handled, unless that would make a cycle.
    bool cycle = false;
    for (Exception* c = as_exception(ts.exc_info); c != nullptr; c = as_exception(c->context))
      if (c == e) cycle = true;
    if (!cycle) e->context = ts.exc_info;
  }
  ts.exc = exc;
  return Value::fail();
}

Type* os_error_type(Interpreter& interp, int err) {
  const BuiltinTypes& T = interp.types;
  switch (err) {
    case EAGAIN:  // == EWOULDBLOCK on Linux
    case EALREADY:
    case EINPROGRESS: return T.BlockingIOError;
    case ECHILD: return T.ChildProcessError;
    case EPIPE:
    case ESHUTDOWN: return T.BrokenPipeError;
    case ECONNABORTED: return T.ConnectionAbortedError;
    case ECONNREFUSED: return T.ConnectionRefusedError;
    case ECONNRESET: return T.ConnectionResetError;
    case EEXIST: return T.FileExistsError;
    case ENOENT: return T.FileNotFoundError;
    case EISDIR: return T.IsADirectoryError;
    case ENOTDIR: return T.NotADirectoryError;
    case EINTR: return T.InterruptedError;
    case EACCES:
    case EPERM: return T.PermissionError;
    case ESRCH: return T.ProcessLookupError;
    case ETIMEDOUT: return T.TimeoutError;
    default: return T.OSError;
  }
}

Value new_exception(ThreadState& ts, Type* type, std::span<const Value> args) {
  Interpreter& in = ts.interp;
  // OSError(errno, strerror[, filename]) is an instance of the errno's
  // subclass (CPython's OSError.__new__); subclasses are left alone.
  if (type == in.types.OSError && args.size() >= 2 && args.size() <= 5 && args[0].is_int() &&
      args[0].as_int() == static_cast<int>(args[0].as_int()))
    type = os_error_type(in, static_cast<int>(args[0].as_int()));
  Tuple* t = new_tuple(ts, args);
  Exception* e = in.heap.make<Exception>(type, new_dict(ts), t);
  if (is_subtype(type, in.types.OSError) && args.size() >= 2) {
    dict_set_cstr(in, e->dict, "errno", args[0]);
    dict_set_cstr(in, e->dict, "strerror", args[1]);
    dict_set_cstr(in, e->dict, "filename", args.size() >= 3 ? args[2] : Value::none());
    if (args.size() >= 3) e->args = new_tuple(ts, args.subspan(0, 2));
  }
  return obj(e);
}

Value raise(ThreadState& ts, Type* type, std::string_view message) {
  Value msg = new_str(ts, std::string(message));
  Value e = new_exception(ts, type, std::span<const Value>(&msg, 1));
  return raise(ts, e);
}

bool exception_matches(ThreadState& ts, Type* type) { return !ts.exc.is_null() && isinstance(ts, ts.exc, type); }

Value take_exception(ThreadState& ts) {
  Value e = ts.exc;
  ts.exc = Value::null();
  return e;
}

Value exception_getattr(ThreadState& ts, Exception* e, Str* name) {
  std::string_view n = name->s;
  if (n == "args") return obj(e->args);
  if (n == "__cause__") return e->cause.is_null() ? Value::none() : e->cause;
  if (n == "__context__") return e->context.is_null() ? Value::none() : e->context;
  if (n == "__suppress_context__") return Value::from_bool(e->suppress_context);
  if (n == "__traceback__") return Value::none();
  Interpreter& in = ts.interp;
  if (n == "value" && is_subtype(e->type, in.types.StopIteration))
    return e->args->items.empty() ? Value::none() : e->args->items[0];
  if (n == "code" && is_subtype(e->type, in.types.SystemExit))
    return e->args->items.empty() ? Value::none()
                                  : e->args->items.size() == 1 ? e->args->items[0] : obj(e->args);
  if (n == "msg" && is_subtype(e->type, in.types.SyntaxError))
    return e->args->items.empty() ? Value::none() : e->args->items[0];
  if ((n == "errno" || n == "strerror" || n == "filename") && is_subtype(e->type, in.types.OSError)) {
    Value v = dict_get_str(e->dict, name);
    return v.is_null() ? Value::none() : v;
  }
  return Value::null();
}

bool exception_setattr(ThreadState& ts, Exception* e, Str* name, Value v) {
  std::string_view n = name->s;
  if (n == "__cause__") {
    e->cause = v.is_none() ? Value::null() : v;
    e->suppress_context = true;
    return true;
  }
  if (n == "__context__") {
    e->context = v.is_none() ? Value::null() : v;
    return true;
  }
  if (n == "__suppress_context__") {
    e->suppress_context = v.is_bool() && v.as_bool();
    return true;
  }
  if (n == "args") {
    std::vector<Value> items;
    if (!collect(ts, v, items)) return false;
    e->args = new_tuple(ts, items);
    return true;
  }
  return false;
}

Value exception_str(ThreadState& ts, Exception* e) {
  Interpreter& in = ts.interp;
  auto& args = e->args->items;
  if (is_subtype(e->type, in.types.KeyError) && args.size() == 1) return obj(repr(ts, args[0]));
  if (is_subtype(e->type, in.types.OSError) && args.size() >= 2) {
    auto num = str_string(ts, args[0]);
    auto msg = str_string(ts, args[1]);
    if (!num || !msg) return Value::fail();
    std::string s = "[Errno " + *num + "] " + *msg;
    Value fn = dict_get_cstr(in, e->dict, "filename");
    if (!fn.is_null() && !fn.is_none()) {
      auto r = repr_string(ts, fn);
      if (!r) return Value::fail();
      s += ": " + *r;
    }
    return new_str(ts, std::move(s));
  }
  if (args.empty()) return new_str(ts, "");
  if (args.size() == 1) {
    Str* s = str(ts, args[0]);
    return s ? obj(s) : Value::fail();
  }
  Str* s = repr(ts, obj(e->args));
  return s ? obj(s) : Value::fail();
}

namespace ops {

void raise_unbound_deref(ThreadState& ts, CodeObject* code, std::uint32_t index) {
  if (index < code->cellvars.size()) {
    raise_fmt(ts, ts.interp.types.UnboundLocalError,
              "cannot access local variable '{}' where it is not associated with a value",
              code->cellvars[index]->s);
  } else {
    raise_fmt(ts, ts.interp.types.NameError,
              "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
              code->freevars[index - code->cellvars.size()]->s);
  }
}

void do_raise(ThreadState& ts, Value exc, Value cause, bool has_cause) {
  Interpreter& in = ts.interp;
  auto instantiate = [&](Value v, const char* what) -> Value {
    if (Type* t = as_type(v)) {
      if (is_subtype(t, in.types.BaseException)) {
        Value e = call_object(ts, v, nullptr, 0, nullptr, nullptr, 0);
        if (e.is_fail()) return e;
        if (!isinstance(ts, e, in.types.BaseException)) {
          return raise_fmt(ts, in.types.TypeError,
                           "calling {} should have returned an instance of BaseException, not {}",
                           t->name->s, type_name(ts, e));
        }
        return e;
      }
    } else if (isinstance(ts, v, in.types.BaseException)) {
      return v;
    }
    return raise(ts, in.types.TypeError, what);
  };
  Value e = instantiate(exc, "exceptions must derive from BaseException");
  if (e.is_fail()) return;
  if (has_cause) {
    Value c = Value::null();
    if (!cause.is_none()) {
      TempRoot root(ts, e);
      c = instantiate(cause, "exception causes must derive from BaseException");
      if (c.is_fail()) return;
    }
    Exception* ex = as_exception(e);
    ex->cause = c;
    ex->suppress_context = true;
  }
  raise(ts, e);
}

int exception_match(ThreadState& ts, Value exc, Value type) {
  Interpreter& in = ts.interp;
  auto one = [&](Value t) -> int {
    Type* ty = as_type(t);
    if (ty == nullptr || !is_subtype(ty, in.types.BaseException)) {
      raise(ts, in.types.TypeError, "catching classes that do not inherit from BaseException is not allowed");
      return -1;
    }
    return isinstance(ts, exc, ty) ? 1 : 0;
  };
  if (Tuple* t = as_tuple(type)) {
    for (Value v : t->items) {
      int r = one(v);
      if (r != 0) return r;
    }
    return 0;
  }
  return one(type);
}

Value stop_iteration_value(ThreadState& ts, Value exc) {
  Exception* e = as_exception(exc);
  if (e == nullptr || e->args->items.empty()) return Value::none();
  return e->args->items[0];
}

}  // namespace ops

namespace {

Exception* self_exc(ThreadState& ts, Value self) { return as_exception(self); }

Value exc_init(ThreadState& ts, Value self, const Args& a) {
  Exception* e = self_exc(ts, self);
  if (e == nullptr) return raise(ts, ts.interp.types.TypeError, "descriptor '__init__' requires a 'BaseException' object");
  e->args = new_tuple(ts, std::span<const Value>(a.pos, a.npos));
  if (is_subtype(e->type, ts.interp.types.OSError) && a.npos >= 2) {
    dict_set_cstr(ts.interp, e->dict, "errno", a.pos[0]);
    dict_set_cstr(ts.interp, e->dict, "strerror", a.pos[1]);
  }
  return Value::none();
}

Value exc_str(ThreadState& ts, Value self, const Args& a) {
  Exception* e = self_exc(ts, self);
  if (e == nullptr) return raise(ts, ts.interp.types.TypeError, "descriptor '__str__' requires a 'BaseException' object");
  return exception_str(ts, e);
}

Value exc_repr(ThreadState& ts, Value self, const Args& a) {
  Exception* e = self_exc(ts, self);
  if (e == nullptr) return raise(ts, ts.interp.types.TypeError, "descriptor '__repr__' requires a 'BaseException' object");
  std::string s(e->type->name->s);
  if (e->args->items.size() == 1) {
    auto r = repr_string(ts, e->args->items[0]);
    if (!r) return Value::fail();
    s += "(" + *r + ")";
  } else {
    auto r = repr_string(ts, obj(e->args));
    if (!r) return Value::fail();
    s += *r;
  }
  return new_str(ts, std::move(s));
}

Value exc_with_traceback(ThreadState& ts, Value self, const Args& a) { return self; }

Value exc_ctor(ThreadState& ts, Value self, const Args& a) {
  Type* t = as_type(self);
  return new_exception(ts, t, std::span<const Value>(a.pos, a.npos));
}

}  // namespace

void init_exception_methods(Interpreter& interp) {
  static const MethodDef defs[] = {
      {"__init__", exc_init},
      {"__str__", exc_str},
      {"__repr__", exc_repr},
      {"with_traceback", exc_with_traceback},
  };
  add_methods(interp, interp.types.BaseException, defs);
  // Every builtin exception type is constructed the same way.
  for (Type* const* p = &interp.types.BaseException; p < reinterpret_cast<Type* const*>(&interp.types + 1); ++p)
    if (*p != nullptr) (*p)->ctor = exc_ctor;
}

}  // namespace gilvm
