// asyncio.Task (module _asyncio; the design is in asyncio.h): a Future that
// drives a coroutine. A step sends None into the coroutine (or throws an
// exception into it) through gen_resume / gen_throw_into, with no Python
// frame of its own -- so tracebacks show none, as with CPython's C Task.
// The coroutine runs until the innermost `await` yields a pending future;
// the task then registers itself as that future's done callback (the loop
// calls task_wakeup when it is done) and returns to the loop.
//
// Cancellation (3.11 semantics): cancel() cancels the awaited future, or
// sets must_cancel so that the next step throws CancelledError into the
// coroutine; cancelling()/uncancel() count the requests.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "modules/asyncio/asyncio.h"
#include "vm/eval.h"
#include "vm/heap.h"

namespace gilvm::asyncio {


void TaskObj::trace(Tracer& t) {
  FutureObj::trace(t);
  t.mark(coro);
  t.mark(name);
  t.mark(fut_waiter);
  t.mark(live_next);
}

TaskObj* as_task(Value v) {
  if (!v.is_obj() || v.as_obj()->kind != Kind::Opaque) return nullptr;
  if (v.as_obj()->type == state().task) return static_cast<TaskObj*>(v.as_obj());
  return dynamic_cast<TaskObj*>(v.as_obj());
}

namespace {

bool is_coroutine_object(Value v) { return v.is_obj() && v.as_obj()->kind == Kind::Generator; }

TaskObj* self_task(ThreadState& ts, Value self) {
  TaskObj* t = as_task(self);
  if (t == nullptr) raise(ts, ts.interp.types.TypeError, "descriptor requires a '_asyncio.Task' object");
  return t;
}

Object* new_task_instance(ThreadState& ts, Type* t) { return ts.interp.heap.make<TaskObj>(t); }

// Schedules the next step, throwing a RuntimeError with `message`.
bool step_with_error(ThreadState& ts, TaskObj* task, const std::string& message) {
  Value msg = new_str(ts, message);
  Value e = new_exception(ts, ts.interp.types.RuntimeError, std::span<const Value>(&msg, 1));
  return push_ready(ts, task->loop, ReadyKind::Step, obj(task), e);
}

// The task is done: off the loop's list; an exception is kept for the
// "never retrieved" report.
void finish(ThreadState& ts, TaskObj* task) {
  LoopObj* loop = as_loop(task->loop);
  if (loop == nullptr) return;
  remove_live_task(loop, task);
  if (!task->exception.is_null()) {
    if (loop->unretrieved == nullptr) loop->unretrieved = new_list(ts);
    std::vector<Value>& kept = loop->unretrieved->items;
    // A long-running loop whose tasks fail and are awaited (gather with
    // return_exceptions, say) would keep every one of them until it
    // closes: when the list doubles, the tasks whose exception was
    // retrieved since -- nothing left to report -- are dropped.
    if (kept.size() >= loop->unretrieved_prune_at) {
      std::erase_if(kept, [](Value v) {
        TaskObj* t = as_task(v);
        return t != nullptr && !t->log_traceback;
      });
      loop->unretrieved_prune_at = std::max<std::size_t>(64, 2 * kept.size());
    }
    kept.push_back(obj(task));
  }
}

// The task ends with exception e (already taken from ts).
bool finish_with_exception(ThreadState& ts, TaskObj* task, Value e) {
  task->exception = e;
  task->state = FutState::Finished;
  task->log_traceback = true;
  bool ok = schedule_callbacks(ts, task);
  finish(ts, task);
  return ok;
}

// The task waits for future r now (its done callback is registered); a
// cancel() that came meanwhile goes on to r.
bool now_waiting(ThreadState& ts, TaskObj* task, Value r) {
  task->fut_waiter = r;
  if (task->must_cancel) {
    int c = cancel_any(ts, r, task->cancel_message);
    if (c < 0) return false;
    if (c == 1) task->must_cancel = false;
  }
  return true;
}

// A future came out of the coroutine by a bare `yield fut`, not an await.
bool yielded_without_await(ThreadState& ts, TaskObj* task, Value r) {
  auto tr = repr_string(ts, obj(task));
  auto fr = tr ? repr_string(ts, r) : std::nullopt;
  return fr && step_with_error(ts, task, fmt::format("yield was used instead of yield from in task {} with {}",
                                                     *tr, *fr));
}

// A value the coroutine yielded: the future it waits for, or a bare yield.
bool after_yield(ThreadState& ts, TaskObj* task, Value r) {
  State& st = state();
  if (FutureObj* f = as_future(r)) {
    if (!f->loop.identical(task->loop)) {
      auto tr = repr_string(ts, obj(task));
      auto fr = tr ? repr_string(ts, r) : std::nullopt;
      if (!fr) return false;
      return step_with_error(ts, task, fmt::format("Task {} got Future {} attached to a different loop", *tr, *fr));
    }
    if (f == task) {
      auto tr = repr_string(ts, obj(task));
      return tr && step_with_error(ts, task, "Task cannot await on itself: " + *tr);
    }
    if (!f->blocking) return yielded_without_await(ts, task, r);
    f->blocking = false;
    return add_callback(ts, f, obj(task)) && now_waiting(ts, task, r);
  }
  if (r.is_none()) return push_ready(ts, task->loop, ReadyKind::Step, obj(task), Value::null());
  // A future of another kind (duck-typed, as CPython allows).
  Value blocking = lookup_attr(ts, r, st.s_blocking);
  if (blocking.is_fail()) return false;
  if (!blocking.is_null() && !blocking.is_none()) {
    int b = truthy(ts, blocking);
    if (b < 0) return false;
    if (b) {
      if (!set_attr(ts, r, st.s_blocking, Value::from_bool(false))) return false;
      auto fn = [](ThreadState& ts, Value self, const Args& a) -> Value {
        return task_wakeup(ts, static_cast<TaskObj*>(self.as_obj()), a[0]) ? Value::none() : Value::fail();
      };
      // A callback made per wait is no table row: its signature is parsed on first use.
      static const MethodDef wake_def{"task_wakeup", fn, "future, /", Style::One};
      static const Signature wake_sig = parse_signature(wake_def, "task_wakeup");
      Native* wake_native = new_native(ts, fn, "task_wakeup", obj(task));
      wake_native->sig = &wake_sig;
      Value wake = obj(wake_native);
      TempRoot root(ts, wake);
      if (call_method(ts, r, st.s_add_done_callback, std::span<const Value>(&wake, 1)).is_fail()) return false;
      return now_waiting(ts, task, r);
    }
    return yielded_without_await(ts, task, r);
  }
  auto fr = repr_string(ts, r);
  return fr && step_with_error(ts, task, "Task got bad yield: " + *fr);
}

// The step's work once the loop's current task is set; see task_step.
bool step_body(ThreadState& ts, TaskObj* task, Value exc) {
  Interpreter& in = ts.interp;
  State& st = state();
  if (task->must_cancel) {
    if (exc.is_null() || !isinstance(ts, exc, as_type(st.cancelled_error))) {
      exc = make_cancelled_error(ts, task);
      if (exc.is_fail()) return false;
    }
    task->must_cancel = false;
  }
  TempRoot exc_root(ts, exc);
  task->fut_waiter = Value::null();
  Generator* g = static_cast<Generator*>(task->coro.as_obj());
  bool done = false;
  Value r = exc.is_null() ? gen_resume(ts, g, Value::none(), Value::null(), &done) : gen_throw_into(ts, g, exc, &done);
  if (r.is_fail()) {
    Value e = take_exception(ts);
    TempRoot root(ts, e);
    if (isinstance(ts, e, as_type(st.cancelled_error))) {
      // Cancelled with no message of its own, as CPython's task_step_impl
      // (future_cancel(fut, NULL)); result() raises e, which has it.
      task->cancelled_exc = e;
      bool ok = future_cancel(ts, task, Value::none()) || ts.exc.is_null();
      finish(ts, task);
      return ok;
    }
    if (isinstance(ts, e, in.types.KeyboardInterrupt) || isinstance(ts, e, in.types.SystemExit)) {
      finish_with_exception(ts, task, e);
      task->log_traceback = false;
      ts.exc = e;  // on out of the loop
      return false;
    }
    return finish_with_exception(ts, task, e);
  }
  if (done) {
    bool ok;
    if (task->must_cancel) {
      task->must_cancel = false;
      ok = future_cancel(ts, task, task->cancel_message) || ts.exc.is_null();
    } else {
      ok = future_set_result(ts, task, r);
    }
    finish(ts, task);
    return ok;
  }
  TempRoot root(ts, r);
  return after_yield(ts, task, r);
}

}  // namespace

bool task_step(ThreadState& ts, TaskObj* task, Value exc) {
  if (task->state != FutState::Pending) return true;  // cancelled and finished meanwhile
  TempRoot root(ts, obj(task));
  LoopObj* loop = as_loop(task->loop);
  if (loop != nullptr) loop->current_task = obj(task);
  // False: KeyboardInterrupt or SystemExit from the coroutine, or an error
  // of the machinery itself, which the loop reports as a failed callback.
  bool ok = step_body(ts, task, exc);
  if (loop != nullptr) loop->current_task = Value::none();
  return ok;
}

bool task_wakeup(ThreadState& ts, TaskObj* task, Value fut) {
  if (FutureObj* f = as_future(fut)) {
    if (f->state == FutState::Finished && f->exception.is_null()) return task_step(ts, task, Value::null());
    Value exc;
    if (f->state == FutState::Cancelled) {
      exc = make_cancelled_error(ts, f);
      if (exc.is_fail()) return false;
    } else {
      f->log_traceback = false;
      exc = f->exception;
    }
    return task_step(ts, task, exc);
  }
  TempRoot root(ts, obj(task));
  Value r = call_method(ts, fut, state().s_result, {});
  if (r.is_fail()) {
    Value e = take_exception(ts);
    return task_step(ts, task, e);
  }
  return task_step(ts, task, Value::null());
}

namespace {

bool task_init(ThreadState& ts, TaskObj* task, Value coro, Value loop, Value name) {
  if (!is_coroutine_object(coro)) {
    auto r = repr_string(ts, coro);
    if (r) raise_fmt(ts, ts.interp.types.TypeError, "a coroutine was expected, got {}", *r);
    return false;
  }
  if (!future_init(ts, task, loop)) return false;
  LoopObj* l = as_loop(task->loop);
  if (l == nullptr) {
    raise(ts, ts.interp.types.TypeError, "a Task needs an asyncio event loop");
    return false;
  }
  if (!check_open(ts, l)) return false;  // before it is numbered and listed, as CPython's create_task checks first
  if (name.is_null() || name.is_none()) {
    task->name = Value::from_int(++l->task_counter);
  } else {
    Str* s = str(ts, name);
    if (s == nullptr) return false;
    task->name = obj(s);
  }
  task->coro = coro;
  add_live_task(l, task);
  return push_ready(ts, task->loop, ReadyKind::Step, obj(task), Value::null());
}

}  // namespace

TaskObj* new_task(ThreadState& ts, Type* t, Value coro, Value loop, Value name) {
  TaskObj* task = static_cast<TaskObj*>(t->new_instance(ts, t));
  TempRoot root(ts, obj(task));
  return task_init(ts, task, coro, loop, name) ? task : nullptr;
}

namespace {

Value m_init(ThreadState& ts, Value self, const Args& a) {
  // Bound here rather than by the row, so that a wrong call names "Task()"
  // as CPython's does, not "__init__()".
  static const MethodDef def{"Task", m_init, "coro, *, loop=None, name=None, context=None", Style::Keywords};
  static const Signature sig = parse_signature(def, "Task");
  TaskObj* t = self_task(ts, self);
  Value p[4];
  if (t == nullptr || !bind_args(ts, sig, a, p)) return Value::fail();
  return task_init(ts, t, p[0], p[1], p[2]) ? Value::none() : Value::fail();
}

// The task's name as a str, made from its number on first use.
Value task_name(ThreadState& ts, TaskObj* t) {
  if (t->name.is_int()) t->name = new_str(ts, fmt::format("Task-{}", t->name.as_int()));
  return t->name;
}

Value m_get_name(ThreadState& ts, Value self, const Args& a) {
  TaskObj* t = self_task(ts, self);
  return t == nullptr ? Value::fail() : task_name(ts, t);
}

Value m_set_name(ThreadState& ts, Value self, const Args& a) {
  TaskObj* t = self_task(ts, self);
  if (t == nullptr) return Value::fail();
  Str* s = str(ts, a[0]);
  if (s == nullptr) return Value::fail();
  t->name = obj(s);
  return Value::none();
}

// A Task subclass whose __init__ did not call Task.__init__ has no coroutine.
Generator* coro_of(ThreadState& ts, TaskObj* t) {
  if (is_coroutine_object(t->coro)) return static_cast<Generator*>(t->coro.as_obj());
  raise(ts, ts.interp.types.RuntimeError, "Task object is not initialized.");
  return nullptr;
}

Value m_get_coro(ThreadState& ts, Value self, const Args& a) {
  TaskObj* t = self_task(ts, self);
  return t == nullptr || coro_of(ts, t) == nullptr ? Value::fail() : t->coro;
}

Value m_cancel(ThreadState& ts, Value self, const Args& a) {
  TaskObj* t = self_task(ts, self);
  if (t == nullptr) return Value::fail();
  Value msg = a[0].is_null() ? Value::none() : a[0];
  t->log_traceback = false;
  if (t->state != FutState::Pending) return Value::from_bool(false);
  ++t->num_cancels_requested;
  if (!t->fut_waiter.is_null()) {
    int c = cancel_any(ts, t->fut_waiter, msg);
    if (c < 0) return Value::fail();
    if (c == 1) return Value::from_bool(true);
  }
  t->must_cancel = true;
  t->cancel_message = msg;
  return Value::from_bool(true);
}

Value m_cancelling(ThreadState& ts, Value self, const Args& a) {
  TaskObj* t = self_task(ts, self);
  return t == nullptr ? Value::fail() : Value::from_int(t->num_cancels_requested);
}

Value m_uncancel(ThreadState& ts, Value self, const Args& a) {
  TaskObj* t = self_task(ts, self);
  if (t == nullptr) return Value::fail();
  if (t->num_cancels_requested > 0) --t->num_cancels_requested;
  return Value::from_int(t->num_cancels_requested);
}

// The line a coroutine is at, as its cr_frame.f_lineno: the def line before
// it starts, the line of the frame running it, or where it is suspended.
int coro_line(ThreadState& ts, Generator* g) {
  CodeObject* code = g->func->code;
  if (!g->started) return code->firstline;
  if (g->running)
    for (Frame* f = ts.frame; f != nullptr; f = f->prev)
      if (f->gen == g) return f->line();
  return code->line_at(g->saved_pc > 0 ? g->saved_pc - 1 : 0);
}

// As CPython's Task repr: its coroutine (name() running at FILE:LINE, or
// name() done, defined at FILE:LINE) and the future it waits for.
Value m_repr(ThreadState& ts, Value self, const Args& a) {
  TaskObj* t = self_task(ts, self);
  Generator* g = t == nullptr ? nullptr : coro_of(ts, t);
  if (g == nullptr) return Value::fail();
  Value name = task_name(ts, t);
  auto name_repr = repr_string(ts, name);
  if (!name_repr) return Value::fail();
  std::string s = fmt::format("<{} ", type_name(ts, self));
  std::string info;
  if (!future_repr_info(ts, t, info)) return Value::fail();
  // state name=... coro=<...> wait_for=... then the result and callbacks,
  // as 3.11's base_tasks._task_repr_info orders them.
  std::string st = info.substr(0, info.find(' '));
  std::string rest = info.size() > st.size() ? info.substr(st.size()) : "";
  if (t->num_cancels_requested > 0 && t->state == FutState::Pending) st = "cancelling";
  const std::string& file = g->func->code->filename->s;
  std::string coro = g->func->qualname->s + "()";
  if (!g->finished)
    coro += fmt::format(" running at {}:{}", file, coro_line(ts, g));
  else
    coro += fmt::format(" done, defined at {}:{}", file, g->func->code->firstline);
  s += fmt::format("{} name={} coro=<{}>", st, *name_repr, coro);
  if (!t->fut_waiter.is_null()) {
    auto w = repr_string(ts, t->fut_waiter);
    if (!w) return Value::fail();
    s += " wait_for=" + *w;
  }
  return new_str(ts, s + rest + ">");
}

Value g_coro(ThreadState& ts, Value self, const Args&) { return m_get_coro(ts, self, Args{}); }
Value g_fut_waiter(ThreadState& ts, Value self, const Args&) {
  TaskObj* t = self_task(ts, self);
  if (t == nullptr) return Value::fail();
  return t->fut_waiter.is_null() ? Value::none() : t->fut_waiter;
}
Value g_must_cancel(ThreadState& ts, Value self, const Args&) {
  TaskObj* t = self_task(ts, self);
  return t == nullptr ? Value::fail() : Value::from_bool(t->must_cancel);
}

const MethodDef kMethods[] = {
    {"__init__", m_init},       {"get_name", m_get_name, "", Style::NoArgs},     {"set_name", m_set_name, "value, /", Style::One, Access::Mutates},
    {"get_coro", m_get_coro, "", Style::NoArgs},   {"cancel", m_cancel, "msg=None", Style::Keywords, Access::Mutates},         {"cancelling", m_cancelling, "", Style::NoArgs},
    {"uncancel", m_uncancel, "", Style::NoArgs, Access::Mutates},   {"__repr__", m_repr},
};

}  // namespace

bool init_task_type(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Type* t = make_builtin_type(in, "Task", state().future, Kind::Opaque);
  t->module_name = obj(in.intern("_asyncio"));
  t->builtin = false;
  t->new_instance = new_task_instance;
  add_methods(in, t, kMethods);
  add_property(ts, t, "_coro", g_coro, nullptr);
  add_property(ts, t, "_fut_waiter", g_fut_waiter, nullptr);
  add_property(ts, t, "_must_cancel", g_must_cancel, nullptr);
  state().task = t;
  dict_set_cstr(in, d, "Task", obj(t));
  return true;
}

}  // namespace gilvm::asyncio
