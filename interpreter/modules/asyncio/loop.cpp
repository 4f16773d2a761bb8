// The native half of the event loop (module _asyncio, class _LoopCore; the
// design is in asyncio.h): the ready queue, the timers, sleep()'s futures.
// asyncio.py's _EventLoop subclasses it and keeps the rest: the selector
// wait (which releases the GIL), file descriptors, Handles, shutdown.
//
// One iteration (asyncio.py _EventLoop._run_once): _timeout() says how long
// the selector may wait; after the wait, the ready descriptors' Handles are
// pushed; _run_ready() moves the timers that are due to the queue, then
// runs what the queue held at that moment -- callbacks scheduled while it
// runs wait for the next iteration, as in CPython's _run_once.
#include <time.h>

#include <algorithm>

#include "modules/asyncio/asyncio.h"
#include "vm/heap.h"

namespace gilvm::asyncio {

void LoopObj::trace(Tracer& t) {
  Opaque::trace(t);
  for (const ReadyItem& r : ready) {
    t.mark(r.a);
    t.mark(r.b);
  }
  for (const ReadyItem& r : running) {
    t.mark(r.a);
    t.mark(r.b);
  }
  for (std::size_t i = timers_head; i < timers.size(); ++i) t.mark(timers[i].timer);
  for (const TimerEntry& e : heap) t.mark(e.timer);
  t.mark(live_tasks);
  t.mark(unretrieved);
  t.mark(current_task);
}

LoopObj* as_loop(Value v) {
  if (!v.is_obj() || v.as_obj()->kind != Kind::Opaque) return nullptr;
  return dynamic_cast<LoopObj*>(v.as_obj());
}

bool check_open(ThreadState& ts, const LoopObj* l) {
  if (!l->closed) return true;
  raise(ts, ts.interp.types.RuntimeError, "Event loop is closed");
  return false;
}

bool push_ready(ThreadState& ts, Value loop, ReadyKind kind, Value a, Value b) {
  if (LoopObj* l = as_loop(loop)) {
    if (!check_open(ts, l)) return false;
    l->ready.push_back({a, b, kind});
    return true;
  }
  if (loop.is_null())  // a subclass's __init__ that did not call Future.__init__
    return !raise(ts, ts.interp.types.RuntimeError, "Future object is not initialized.").is_fail();
  // Another loop: its call_soon(callback, future).
  if (kind != ReadyKind::Call)
    return !raise(ts, ts.interp.types.TypeError, "asyncio tasks and gather need asyncio's own event loop").is_fail();
  Value args[2] = {a, b};
  return !call_method(ts, loop, state().s_call_soon, args).is_fail();
}

void add_live_task(LoopObj* loop, TaskObj* task) {
  if (task->live) return;  // __init__ called again
  task->live = true;
  task->live_prev = nullptr;
  task->live_next = loop->live_tasks;
  if (loop->live_tasks != nullptr) loop->live_tasks->live_prev = task;
  loop->live_tasks = task;
}

void remove_live_task(LoopObj* loop, TaskObj* task) {
  if (!task->live) return;
  task->live = false;
  if (task->live_prev != nullptr)
    task->live_prev->live_next = task->live_next;
  else
    loop->live_tasks = task->live_next;
  if (task->live_next != nullptr) task->live_next->live_prev = task->live_prev;
  task->live_prev = task->live_next = nullptr;
}

namespace {

double monotonic() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Min-heap order: earlier deadline first, then first scheduled.
bool later(const TimerEntry& x, const TimerEntry& y) { return x.when > y.when || (x.when == y.when && x.seq > y.seq); }

// A timer known not to run, found without running Python code: a sleep
// future already done, or a TimerHandle whose own attributes say
// _cancelled. (live_head() asks the general question, through getattr.)
bool timer_surely_dead(Value timer) {
  if (FutureObj* f = as_future(timer); f != nullptr && f->is_timer) return f->state != FutState::Pending;
  if (!timer.is_obj() || timer.as_obj()->kind != Kind::Instance) return false;
  Value c = dict_get_str(static_cast<Instance*>(timer.as_obj())->dict, state().s_cancelled);
  return c.is_bool() && c.as_bool();
}

// Drops the cancelled timers from both queues. Dead timers are otherwise
// dropped only when their deadline comes, and a loop that keeps cancelling
// long ones -- wait_for(read(), 300) per request -- would hold every one
// for its whole timeout (CPython's BaseEventLoop purges its heap likewise
// once most of it is cancelled). Called when the queues have doubled since
// the last purge, so the cost per timer stays constant.
void purge_timers(LoopObj* l) {
  std::vector<TimerEntry> kept;
  kept.reserve(l->timers.size() - l->timers_head);
  for (std::size_t i = l->timers_head; i < l->timers.size(); ++i)
    if (!timer_surely_dead(l->timers[i].timer)) kept.push_back(l->timers[i]);
  l->timers = std::move(kept);  // still in deadline order
  l->timers_head = 0;
  std::erase_if(l->heap, [](const TimerEntry& e) { return timer_surely_dead(e.timer); });
  std::make_heap(l->heap.begin(), l->heap.end(), later);
  l->timers_purge_at = std::max<std::size_t>(1024, 2 * (l->timers.size() + l->heap.size()));
}

void add_timer(LoopObj* l, double when, Value timer) {
  if (l->timers.size() - l->timers_head + l->heap.size() >= l->timers_purge_at) purge_timers(l);
  TimerEntry e{when, ++l->timer_seq, timer};
  if (l->timers_head == l->timers.size() || l->timers.back().when <= when) {
    l->timers.push_back(e);
  } else {
    l->heap.push_back(e);
    std::push_heap(l->heap.begin(), l->heap.end(), later);
  }
}

// The earliest timer, or null.
TimerEntry* next_timer(LoopObj* l) {
  TimerEntry* first = l->timers_head < l->timers.size() ? &l->timers[l->timers_head] : nullptr;
  if (!l->heap.empty() && (first == nullptr || later(*first, l->heap.front()))) return &l->heap.front();
  return first;
}

void pop_timer(LoopObj* l, TimerEntry* e) {
  if (!l->heap.empty() && e == &l->heap.front()) {
    std::pop_heap(l->heap.begin(), l->heap.end(), later);
    l->heap.pop_back();
    return;
  }
  l->timers[l->timers_head].timer = Value::null();
  ++l->timers_head;
  if (l->timers_head == l->timers.size()) {
    l->timers.clear();
    l->timers_head = 0;
  } else if (l->timers_head > 1024 && l->timers_head * 2 > l->timers.size()) {
    l->timers.erase(l->timers.begin(), l->timers.begin() + static_cast<std::ptrdiff_t>(l->timers_head));
    l->timers_head = 0;
  }
}

// A timer that will not run: a sleep future already done (its task was
// cancelled) or a cancelled TimerHandle. -1 on error.
int timer_dead(ThreadState& ts, Value timer) {
  if (FutureObj* f = as_future(timer); f != nullptr && f->is_timer) return f->state != FutState::Pending;
  Value c = get_attr(ts, timer, state().s_cancelled);
  if (c.is_fail()) return -1;
  return truthy(ts, c);
}

// Drops dead timers at the head; returns the next live one, or null.
// False with an exception pending on error.
bool live_head(ThreadState& ts, LoopObj* l, TimerEntry** out) {
  for (;;) {
    TimerEntry* e = next_timer(l);
    if (e == nullptr) {
      *out = nullptr;
      return true;
    }
    int dead = timer_dead(ts, e->timer);
    if (dead < 0) return false;
    e = next_timer(l);  // found again: the lookup may have run Python code
    if (!dead) {
      *out = e;
      return true;
    }
    pop_timer(l, e);
  }
}

LoopObj* self_loop(ThreadState& ts, Value self) {
  LoopObj* l = as_loop(self);
  if (l == nullptr) raise(ts, ts.interp.types.TypeError, "descriptor requires a '_asyncio._LoopCore' object");
  return l;
}

Object* new_loop_instance(ThreadState& ts, Type* t) { return ts.interp.heap.make<LoopObj>(t); }

// Reports a callback's exception through loop.call_exception_handler, as
// CPython's Handle._run does.
bool report_callback_error(ThreadState& ts, LoopObj* l, Value what, Value exc) {
  TempRoot root(ts, exc);
  auto r = repr_string(ts, what);
  if (!r) return false;
  Interpreter& in = ts.interp;
  Dict* ctx = new_dict(ts);
  TempRoot croot(ts, obj(ctx));
  dict_set_cstr(in, ctx, "message", new_str(ts, "Exception in callback " + *r));
  dict_set_cstr(in, ctx, "exception", exc);
  Value arg = obj(ctx);
  return !call_method(ts, obj(l), state().s_call_exception_handler, std::span<const Value>(&arg, 1)).is_fail();
}

// Runs one ready item. False with an exception pending.
bool run_item(ThreadState& ts, const ReadyItem& item) {
  switch (item.kind) {
    case ReadyKind::Step:
      return task_step(ts, static_cast<TaskObj*>(item.a.as_obj()), item.b);
    case ReadyKind::Wakeup:
      return task_wakeup(ts, static_cast<TaskObj*>(item.a.as_obj()), item.b);
    case ReadyKind::Gathered:
      return gather_child_done(ts, static_cast<GatherObj*>(item.a.as_obj()), item.b);
    case ReadyKind::Sleep: {
      FutureObj* f = static_cast<FutureObj*>(item.a.as_obj());
      return f->state != FutState::Pending || future_set_result(ts, f, f->result);
    }
    case ReadyKind::Call: {
      Value arg = item.b;
      return !call(ts, item.a, std::span<const Value>(&arg, 1)).is_fail();
    }
    case ReadyKind::Handle: {
      Value c = get_attr(ts, item.a, state().s_cancelled);
      if (c.is_fail()) return false;
      int dead = truthy(ts, c);
      if (dead != 0) return dead > 0;
      return !call_method(ts, item.a, state().s_run, {}).is_fail();
    }
  }
  return true;
}

// -- methods of _LoopCore --

Value m_push_handle(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr || !check_open(ts, l)) return Value::fail();
  l->ready.push_back({a[0], Value::null(), ReadyKind::Handle});
  return Value::none();
}

Value m_add_timer(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr || !check_open(ts, l)) return Value::fail();
  Value w = get_attr(ts, a[0], state().s_when);
  if (w.is_fail()) return w;
  auto when = to_double(ts, w);
  if (!when) return Value::fail();
  add_timer(l, *when, a[0]);
  return Value::none();
}

Value m_timeout(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  int stopping = truthy(ts, a[0]);
  if (stopping < 0) return Value::fail();
  TimerEntry* e;
  if (!live_head(ts, l, &e)) return Value::fail();
  if (!l->ready.empty() || stopping) return Value::from_float(0.0);
  if (e == nullptr) return Value::none();
  return Value::from_float(std::max(0.0, e->when - monotonic()));
}

Value m_run_ready(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  if (!l->running.empty()) return raise(ts, ts.interp.types.RuntimeError, "_run_ready() is already running");
  TempRoot root(ts, self);
  // Timers due now (with a nanosecond of slack for the clock's rounding).
  double end = monotonic() + 1e-9;
  for (;;) {
    TimerEntry* e;
    if (!live_head(ts, l, &e)) return Value::fail();
    if (e == nullptr || e->when > end) break;
    Value timer = e->timer;
    pop_timer(l, e);
    FutureObj* f = as_future(timer);
    l->ready.push_back({timer, Value::null(), f != nullptr && f->is_timer ? ReadyKind::Sleep : ReadyKind::Handle});
  }
  l->running.swap(l->ready);
  for (std::size_t i = 0; i < l->running.size(); ++i) {
    ReadyItem item = l->running[i];
    if (run_item(ts, item)) continue;
    Interpreter& in = ts.interp;
    Value e = ts.exc;
    if (isinstance(ts, e, in.types.KeyboardInterrupt) || isinstance(ts, e, in.types.SystemExit)) {
      // On out of the loop; what was not run yet stays first in the queue.
      l->ready.insert(l->ready.begin(), l->running.begin() + static_cast<std::ptrdiff_t>(i) + 1, l->running.end());
      l->running.clear();
      return Value::fail();
    }
    take_exception(ts);
    if (!report_callback_error(ts, l, item.a, e)) {
      l->ready.insert(l->ready.begin(), l->running.begin() + static_cast<std::ptrdiff_t>(i) + 1, l->running.end());
      l->running.clear();
      return Value::fail();
    }
  }
  l->running.clear();
  return Value::none();
}

Value m_create_future(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  State& st = state();
  FutureObj* f = static_cast<FutureObj*>(st.future->new_instance(ts, st.future));
  f->loop = self;
  return obj(f);
}

// sleep()'s future: done with `result` after `delay` seconds; it is its own
// timer, so a sleeping task costs one future and one timer entry.
Value m_sleep(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr || !check_open(ts, l)) return Value::fail();
  auto delay = to_double(ts, a[0]);
  if (!delay) return Value::fail();
  State& st = state();
  FutureObj* f = static_cast<FutureObj*>(st.future->new_instance(ts, st.future));
  f->loop = self;
  f->result = a[1];
  f->is_timer = true;
  add_timer(l, monotonic() + *delay, obj(f));
  return obj(f);
}

// asyncio.py's checks before it schedules (run_until_complete,
// call_soon_threadsafe): the same as the native ones'.
Value m_check_closed(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr || !check_open(ts, l)) return Value::fail();
  return Value::none();
}

// How many timers are queued, dead ones not yet dropped included (for tests).
Value m_timer_count(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  return Value::from_int(static_cast<std::int64_t>(l->timers.size() - l->timers_head + l->heap.size()));
}

Value m_live_tasks(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  List* out = new_list(ts);
  for (TaskObj* t = l->live_tasks; t != nullptr; t = t->live_next) out->items.push_back(obj(t));
  std::reverse(out->items.begin(), out->items.end());  // oldest first
  return obj(out);
}

Value m_clear(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  l->ready.clear();
  l->timers.clear();
  l->timers_head = 0;
  l->heap.clear();
  return Value::none();
}

Value g_current_task(ThreadState& ts, Value self, const Args&) {
  LoopObj* l = self_loop(ts, self);
  return l == nullptr ? Value::fail() : l->current_task;
}
Value s_current_task(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  l->current_task = a[0];
  return Value::none();
}
Value g_closed(ThreadState& ts, Value self, const Args&) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  return Value::from_bool(l->closed);
}
Value s_closed(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  int on = truthy(ts, a[0]);
  if (on < 0) return Value::fail();
  l->closed = on != 0;
  return Value::none();
}
Value g_unretrieved(ThreadState& ts, Value self, const Args&) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  if (l->unretrieved == nullptr) l->unretrieved = new_list(ts);
  return obj(l->unretrieved);
}
Value s_unretrieved(ThreadState& ts, Value self, const Args& a) {
  LoopObj* l = self_loop(ts, self);
  if (l == nullptr) return Value::fail();
  List* list = as_list(a[0]);
  if (list == nullptr) return raise(ts, ts.interp.types.TypeError, "_unretrieved must be a list");
  l->unretrieved = list;
  return Value::none();
}

const MethodDef kMethods[] = {
    {"_push_handle", m_push_handle, "handle, /", Style::One, Access::Mutates},
    {"_add_timer", m_add_timer, "timer, /", Style::One, Access::Mutates},
    {"_timeout", m_timeout, "stopping, /", Style::One, Access::Mutates},
    {"_run_ready", m_run_ready},
    {"create_future", m_create_future, "", Style::NoArgs},
    {"_sleep", m_sleep, "delay, result, /", Style::Positional, Access::Mutates},
    {"_live_tasks", m_live_tasks},
    {"_clear", m_clear},
    {"_timer_count", m_timer_count, "", Style::NoArgs},
    {"_check_closed", m_check_closed, "", Style::NoArgs},
};

}  // namespace

bool init_loop_type(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Type* t = make_builtin_type(in, "_LoopCore", in.types.object, Kind::Opaque);
  t->module_name = obj(in.intern("_asyncio"));
  t->builtin = false;
  t->new_instance = new_loop_instance;
  add_methods(in, t, kMethods);
  add_property(ts, t, "_current_task", g_current_task, s_current_task);
  add_property(ts, t, "_unretrieved", g_unretrieved, s_unretrieved);
  add_property(ts, t, "_closed", g_closed, s_closed);
  state().loop = t;
  dict_set_cstr(in, d, "_LoopCore", obj(t));
  return true;
}

}  // namespace gilvm::asyncio
