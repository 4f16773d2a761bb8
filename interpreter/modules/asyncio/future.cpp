// asyncio.Future (module _asyncio; the design is in asyncio.h): a result
// set later, its done callbacks, and awaiting it.
//
// `await fut` (Language Reference §6.4): Future.__await__ returns the future
// itself, driven through Type::am_send (CPython returns a FutureIter; the
// difference shows only to a program that looks at the iterator). Pending,
// it sets _asyncio_future_blocking and yields itself out to the task; done,
// it returns the result or raises the exception, with no StopIteration made.
// A throw() into a coroutine awaiting a future raises at the await
// (vm/generator.cpp, gen_throw_into), as FutureIter.throw does.
#include <fmt/format.h>

#include "modules/asyncio/asyncio.h"
#include "vm/heap.h"

namespace gilvm::asyncio {

State& state() {
  static State s;
  return s;
}

void FutureObj::trace(Tracer& t) {
  Opaque::trace(t);
  t.mark(loop);
  t.mark(result);
  t.mark(exception);
  t.mark(cancel_message);
  t.mark(cancelled_exc);
  t.mark(callback0);
  t.mark(callbacks);
}

FutureObj* as_future(Value v) {
  if (!v.is_obj() || v.as_obj()->kind != Kind::Opaque) return nullptr;
  Object* o = v.as_obj();
  State& st = state();
  if (o->type == st.future || o->type == st.task || o->type == st.gathering) return static_cast<FutureObj*>(o);
  return dynamic_cast<FutureObj*>(o);
}

Value invalid_state(ThreadState& ts, std::string_view message) {
  Value msg = new_str(ts, std::string(message));
  TempRoot root(ts, msg);
  Value e = call(ts, state().invalid_state_error, std::span<const Value>(&msg, 1));
  if (e.is_fail()) return e;
  return raise(ts, e);
}

namespace {

const char* state_name(FutState s) {
  switch (s) {
    case FutState::Pending:
      return "PENDING";
    case FutState::Cancelled:
      return "CANCELLED";
    case FutState::Finished:
      return "FINISHED";
  }
  return "?";
}

ReadyKind kind_of_callback(Value cb) {
  if (cb.is_obj() && cb.as_obj()->kind == Kind::Opaque) {
    Type* t = cb.as_obj()->type;
    if (t == state().task) return ReadyKind::Wakeup;  // the usual case, without a dynamic_cast
    if (t == state().gathering) return ReadyKind::Gathered;
    if (dynamic_cast<TaskObj*>(cb.as_obj())) return ReadyKind::Wakeup;
    if (dynamic_cast<GatherObj*>(cb.as_obj())) return ReadyKind::Gathered;
  }
  return ReadyKind::Call;
}

FutureObj* self_future(ThreadState& ts, Value self) {
  FutureObj* f = as_future(self);
  if (f == nullptr) raise(ts, ts.interp.types.TypeError, "descriptor requires a '_asyncio.Future' object");
  return f;
}

Object* new_future_instance(ThreadState& ts, Type* t) { return ts.interp.heap.make<FutureObj>(t); }

}  // namespace

bool future_init(ThreadState& ts, FutureObj* fut, Value loop) {
  if (loop.is_null() || loop.is_none()) {
    TempRoot root(ts, obj(fut));
    loop = call(ts, state().get_event_loop, {});
    if (loop.is_fail()) return false;
  }
  fut->loop = loop;
  return true;
}

bool schedule_callbacks(ThreadState& ts, FutureObj* fut) {
  Value first = fut->callback0;
  if (first.is_null()) return true;
  List* rest = fut->callbacks;
  fut->callback0 = Value::null();
  fut->callbacks = nullptr;
  Value self = obj(fut);
  if (!push_ready(ts, fut->loop, kind_of_callback(first), first, self)) return false;
  if (rest == nullptr) return true;
  TempRoot root(ts, obj(rest));  // a foreign loop's call_soon may run Python code
  for (std::size_t i = 0; i < rest->items.size(); ++i)
    if (!push_ready(ts, fut->loop, kind_of_callback(rest->items[i]), rest->items[i], self)) return false;
  return true;
}

bool future_set_result(ThreadState& ts, FutureObj* fut, Value result) {
  if (fut->state != FutState::Pending) return !invalid_state(ts, "invalid state").is_fail();
  fut->result = result;
  fut->state = FutState::Finished;
  return schedule_callbacks(ts, fut);
}

bool future_set_exception(ThreadState& ts, FutureObj* fut, Value exc) {
  Interpreter& in = ts.interp;
  if (fut->state != FutState::Pending) return !invalid_state(ts, "invalid state").is_fail();
  TempRoot root(ts, obj(fut));
  if (as_type(exc) != nullptr) {
    exc = call(ts, exc, {});
    if (exc.is_fail()) return false;
  }
  if (!isinstance(ts, exc, in.types.BaseException)) {
    raise(ts, in.types.TypeError, "invalid exception object");
    return false;
  }
  if (type_of(ts, exc) == in.types.StopIteration) {
    raise(ts, in.types.TypeError,
          "StopIteration interacts badly with generators and cannot be raised into a Future");
    return false;
  }
  fut->exception = exc;
  fut->state = FutState::Finished;
  fut->log_traceback = true;
  return schedule_callbacks(ts, fut);
}

bool future_cancel(ThreadState& ts, FutureObj* fut, Value msg) {
  fut->log_traceback = false;
  if (fut->state != FutState::Pending) return false;
  fut->state = FutState::Cancelled;
  fut->cancel_message = msg;
  return schedule_callbacks(ts, fut);
}

bool add_callback(ThreadState& ts, FutureObj* fut, Value cb) {
  if (fut->state != FutState::Pending) return push_ready(ts, fut->loop, kind_of_callback(cb), cb, obj(fut));
  if (fut->callback0.is_null()) {
    fut->callback0 = cb;
    return true;
  }
  if (fut->callbacks == nullptr) fut->callbacks = new_list(ts, 1);
  fut->callbacks->items.push_back(cb);
  return true;
}

Value make_cancelled_error(ThreadState& ts, FutureObj* fut) {
  if (!fut->cancelled_exc.is_null()) {
    Value e = fut->cancelled_exc;
    fut->cancelled_exc = Value::null();
    return e;
  }
  if (fut->cancel_message.is_none()) return call(ts, state().cancelled_error, {});
  Value msg = fut->cancel_message;
  return call(ts, state().cancelled_error, std::span<const Value>(&msg, 1));
}

Value future_outcome(ThreadState& ts, FutureObj* fut) {
  if (fut->state == FutState::Cancelled) {
    Value e = make_cancelled_error(ts, fut);
    return e.is_fail() ? e : raise(ts, e);
  }
  if (fut->state != FutState::Finished) return invalid_state(ts, "Result is not set.");
  fut->log_traceback = false;
  if (!fut->exception.is_null()) return raise(ts, fut->exception);
  return fut->result;
}

int cancel_any(ThreadState& ts, Value fut, Value msg) {
  State& st = state();
  Object* o = fut.is_obj() ? fut.as_obj() : nullptr;
  if (o != nullptr && o->type == st.future) {
    if (!future_cancel(ts, static_cast<FutureObj*>(o), msg)) return ts.exc.is_null() ? 0 : -1;
    return 1;
  }
  Value m = get_attr(ts, fut, st.s_cancel);
  if (m.is_fail()) return -1;
  TempRoot root(ts, m);
  Str* names[] = {st.s_msg};
  Value r = call_kw(ts, m, {}, names, std::span<const Value>(&msg, 1));
  if (r.is_fail()) return -1;
  return truthy(ts, r);
}

namespace {

// One done callback as CPython's format_helpers._format_callback_source
// shows it: qualname() (a task waiting: Task.task_wakeup()), and for a
// Python function where it is defined.
bool format_callback(ThreadState& ts, Value cb, std::string& out) {
  if (as_task(cb) != nullptr) {
    out += "Task.task_wakeup()";
    return true;
  }
  if (dynamic_cast<GatherObj*>(cb.is_obj() ? cb.as_obj() : nullptr) != nullptr) {
    out += "gather.<locals>._done_callback()";
    return true;
  }
  Value q = lookup_attr(ts, cb, ts.interp.names.__qualname__);
  if (q.is_fail()) return false;
  if (Str* s = as_str(q)) {
    out += s->s + "()";
  } else {
    auto r = repr_string(ts, cb);
    if (!r) return false;
    out += *r + "()";
  }
  if (Function* f = as_function(cb)) out += fmt::format(" at {}:{}", f->code->filename->s, f->code->firstline);
  return true;
}

}  // namespace

bool future_repr_info(ThreadState& ts, FutureObj* fut, std::string& out) {
  std::string s = state_name(fut->state);
  for (char& c : s) c = static_cast<char>(c - 'A' + 'a');
  out += s;
  if (fut->state == FutState::Finished) {
    bool exc = !fut->exception.is_null();
    auto r = repr_string(ts, exc ? fut->exception : fut->result);
    if (!r) return false;
    out += exc ? " exception=" : " result=";
    out += *r;
  }
  // cb=[first, second] or cb=[first, <n more>, last], as _format_callbacks.
  std::vector<Value> cbs;
  if (!fut->callback0.is_null()) cbs.push_back(fut->callback0);
  if (fut->callbacks != nullptr) cbs.insert(cbs.end(), fut->callbacks->items.begin(), fut->callbacks->items.end());
  if (cbs.empty()) return true;
  TempRoot root(ts, obj(fut));  // the callbacks stay reachable through it
  out += " cb=[";
  if (!format_callback(ts, cbs[0], out)) return false;
  if (cbs.size() > 2) out += fmt::format(", <{} more>", cbs.size() - 2);
  if (cbs.size() > 1) {
    out += ", ";
    if (!format_callback(ts, cbs.back(), out)) return false;
  }
  out += "]";
  return true;
}

namespace {

// -- methods --

Value m_init(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  // Bound here rather than by the row, so that a wrong call names
  // "Future()" as CPython's does, not "__init__()".
  static const MethodDef def{"Future", m_init, "*, loop=None", Style::Keywords};
  static const Signature sig = parse_signature(def, "Future");
  Value loop;
  if (f == nullptr || !bind_args(ts, sig, a, &loop)) return Value::fail();
  return future_init(ts, f, loop) ? Value::none() : Value::fail();
}

Value m_result(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  return future_outcome(ts, f);
}

Value m_exception(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  if (f->state == FutState::Cancelled) {
    Value e = make_cancelled_error(ts, f);
    return e.is_fail() ? e : raise(ts, e);
  }
  if (f->state != FutState::Finished) return invalid_state(ts, "Exception is not set.");
  f->log_traceback = false;
  return f->exception.is_null() ? Value::none() : f->exception;
}

Value m_set_result(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  if (dynamic_cast<TaskObj*>(f))
    return raise(ts, ts.interp.types.RuntimeError, "Task does not support set_result operation");
  return future_set_result(ts, f, a[0]) ? Value::none() : Value::fail();
}

Value m_set_exception(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  if (dynamic_cast<TaskObj*>(f))
    return raise(ts, ts.interp.types.RuntimeError, "Task does not support set_exception operation");
  return future_set_exception(ts, f, a[0]) ? Value::none() : Value::fail();
}

Value m_cancel(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  Value msg = a[0].is_null() ? Value::none() : a[0];
  bool was_pending = f->state == FutState::Pending;
  if (!future_cancel(ts, f, msg)) return ts.exc.is_null() ? Value::from_bool(false) : Value::fail();
  return Value::from_bool(was_pending);
}

Value m_done(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  return Value::from_bool(f->state != FutState::Pending);
}

Value m_cancelled(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  return Value::from_bool(f->state == FutState::Cancelled);
}

// The future's loop; a RuntimeError for a subclass instance whose __init__
// did not call Future.__init__ (CPython's message).
Value loop_of(ThreadState& ts, Value self) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  if (f->loop.is_null()) return raise(ts, ts.interp.types.RuntimeError, "Future object is not initialized.");
  return f->loop;
}

Value m_get_loop(ThreadState& ts, Value self, const Args& a) { return loop_of(ts, self); }

Value m_add_done_callback(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  return add_callback(ts, f, a[0]) ? Value::none() : Value::fail();
}

Value m_remove_done_callback(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  TempRoot root(ts, self);
  std::vector<Value> kept;
  std::int64_t removed = 0;
  auto consider = [&](Value cb) {
    int eq = equals(ts, cb, a[0]);
    if (eq < 0) return false;
    if (eq)
      ++removed;
    else
      kept.push_back(cb);
    return true;
  };
  // The callbacks stay in the future while __eq__ may run Python code.
  if (!f->callback0.is_null() && !consider(f->callback0)) return Value::fail();
  if (f->callbacks != nullptr)
    for (std::size_t i = 0; i < f->callbacks->items.size(); ++i)
      if (!consider(f->callbacks->items[i])) return Value::fail();
  if (removed == 0) return Value::from_int(0);
  f->callback0 = kept.empty() ? Value::null() : kept[0];
  if (kept.size() <= 1) {
    f->callbacks = nullptr;
  } else {
    if (f->callbacks == nullptr) f->callbacks = new_list(ts, kept.size() - 1);
    f->callbacks->items.assign(kept.begin() + 1, kept.end());
  }
  return Value::from_int(removed);
}

Value m_make_cancelled_error(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  return f == nullptr ? Value::fail() : make_cancelled_error(ts, f);
}

Value m_await(ThreadState& ts, Value self, const Args& a) { return self; }

Value m_repr(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  std::string s = fmt::format("<{} ", type_name(ts, self));
  if (!future_repr_info(ts, f, s)) return Value::fail();
  return new_str(ts, s + ">");
}

Value future_send(ThreadState& ts, Value it, Value arg, bool* done) {
  FutureObj* f = static_cast<FutureObj*>(it.as_obj());
  if (f->state == FutState::Pending) {
    f->blocking = true;
    *done = false;
    return it;
  }
  *done = true;
  return future_outcome(ts, f);
}

// -- the attributes asyncio.py reads and writes --

Value g_loop(ThreadState& ts, Value self, const Args&) { return loop_of(ts, self); }
Value g_state(ThreadState& ts, Value self, const Args&) {
  FutureObj* f = self_future(ts, self);
  return f == nullptr ? Value::fail() : obj(ts.interp.intern(state_name(f->state)));
}
Value g_result(ThreadState& ts, Value self, const Args&) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  return f->state == FutState::Finished ? f->result : Value::none();
}
Value g_exception(ThreadState& ts, Value self, const Args&) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  return f->exception.is_null() ? Value::none() : f->exception;
}
Value g_cancel_message(ThreadState& ts, Value self, const Args&) {
  FutureObj* f = self_future(ts, self);
  return f == nullptr ? Value::fail() : f->cancel_message;
}
Value s_cancel_message(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  f->cancel_message = a[0];
  return Value::none();
}
Value g_blocking(ThreadState& ts, Value self, const Args&) {
  FutureObj* f = self_future(ts, self);
  return f == nullptr ? Value::fail() : Value::from_bool(f->blocking);
}
Value s_blocking(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  int t = truthy(ts, a[0]);
  if (t < 0) return Value::fail();
  f->blocking = t != 0;
  return Value::none();
}
Value g_log_traceback(ThreadState& ts, Value self, const Args&) {
  FutureObj* f = self_future(ts, self);
  return f == nullptr ? Value::fail() : Value::from_bool(f->log_traceback);
}
Value s_log_traceback(ThreadState& ts, Value self, const Args& a) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  int t = truthy(ts, a[0]);
  if (t < 0) return Value::fail();
  if (t) return raise(ts, ts.interp.types.ValueError, "_log_traceback can only be set to False");
  f->log_traceback = false;
  return Value::none();
}
Value g_callbacks(ThreadState& ts, Value self, const Args&) {
  FutureObj* f = self_future(ts, self);
  if (f == nullptr) return Value::fail();
  if (f->callback0.is_null()) return Value::none();
  List* l = new_list(ts);
  l->items.push_back(f->callback0);
  if (f->callbacks != nullptr) l->items.insert(l->items.end(), f->callbacks->items.begin(), f->callbacks->items.end());
  return obj(l);
}

const MethodDef kMethods[] = {
    {"__init__", m_init},
    {"result", m_result, "", Style::NoArgs},
    {"exception", m_exception, "", Style::NoArgs},
    {"set_result", m_set_result, "result, /", Style::One, Access::Mutates},
    {"set_exception", m_set_exception, "exception, /", Style::One, Access::Mutates},
    {"cancel", m_cancel, "msg=None", Style::Keywords, Access::Mutates},
    {"cancelled", m_cancelled, "", Style::NoArgs},
    {"done", m_done, "", Style::NoArgs},
    {"get_loop", m_get_loop, "", Style::NoArgs},
    {"add_done_callback", m_add_done_callback, "fn, /, *, context=None", Style::Keywords, Access::Mutates},
    {"remove_done_callback", m_remove_done_callback, "fn, /", Style::One, Access::Mutates},
    {"_make_cancelled_error", m_make_cancelled_error},
    {"__await__", m_await},
    {"__iter__", m_await},
    {"__repr__", m_repr},
};

}  // namespace

// A property of a native type: a getter (and setter) called with the object.
void add_property(ThreadState& ts, Type* t, const char* name, NativeFn get, NativeFn set) {
  Interpreter& in = ts.interp;
  Native* g = new_native(ts, get, name);
  g->method = true;
  Wrapper* p = in.heap.make<Wrapper>(in.types.property, Kind::Property, obj(g));
  if (set != nullptr) {
    Native* s = new_native(ts, set, name);
    s->method = true;
    p->fset = obj(s);
  }
  dict_set_cstr(in, t->dict, name, obj(p));
}

bool init_future_type(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Type* t = make_builtin_type(in, "Future", in.types.object, Kind::Opaque);
  t->module_name = obj(in.intern("_asyncio"));
  t->builtin = false;  // dunder methods (__await__, __repr__) are found in its dict
  t->new_instance = new_future_instance;
  t->am_send = future_send;
  add_methods(in, t, kMethods);
  add_property(ts, t, "_loop", g_loop, nullptr);
  add_property(ts, t, "_state", g_state, nullptr);
  add_property(ts, t, "_result", g_result, nullptr);
  add_property(ts, t, "_exception", g_exception, nullptr);
  add_property(ts, t, "_cancel_message", g_cancel_message, s_cancel_message);
  add_property(ts, t, "_asyncio_future_blocking", g_blocking, s_blocking);
  add_property(ts, t, "_log_traceback", g_log_traceback, s_log_traceback);
  add_property(ts, t, "_callbacks", g_callbacks, nullptr);
  state().future = t;
  dict_set_cstr(in, d, "Future", obj(t));
  return true;
}

}  // namespace gilvm::asyncio
