// The native core of asyncio (module `_asyncio`), as CPython's
// Modules/_asynciomodule.c is the core of its Lib/asyncio: Future, Task and
// the part of the event loop every task goes through -- the ready queue,
// the timers, sleep()'s futures and gather()'s bookkeeping. stdlib/asyncio.py
// builds the rest on it (its docstring has the design as a whole).
//
// Why native: a task that sleeps once goes through about thirty Python-level
// calls in a Python Future/Task (Task.__init__, _step, add_done_callback, the
// timer, set_result, _schedule_callbacks, _wakeup, gather's callback...) and
// a dozen heap objects with attribute dicts. Here a task is one object with
// fixed fields, its steps are C++ calls into the coroutine (gen_resume), a
// scheduled callback is an entry in a vector, not a tuple or a Handle, and a
// coroutine's return value arrives without a StopIteration.
//
// The objects are Opaque, with an attribute dict only once an attribute is
// set (vm/attr.cpp), as on an instance of a Python subclass -- asyncio.py's
// _EventLoop, a user's `class MyFuture(asyncio.Future)`. Type::new_instance
// makes the native layout whichever class is called.
//
// Every Value here is traced (trace()); code that calls back into Python
// (a callback, a coroutine step, a repr) roots what it still needs after the
// call with TempRoot, or reaches it through an object that is rooted.
#pragma once

#include <cstdint>
#include <vector>

#include "vm/api.h"

namespace gilvm::asyncio {

enum class FutState : std::uint8_t { Pending, Cancelled, Finished };

struct LoopObj;

// asyncio.Future (CPython's FutureObj). A done callback is any callable,
// called with the future; a waiting Task registers itself (TaskObj) and a
// gather its outer future (GatherObj) instead of a bound method, and the
// loop recognises both (LoopObj::run_ready).
struct FutureObj : Opaque {
  Value loop;                 // the event loop (a LoopObj, or another object with call_soon)
  Value result;               // the result; a pending sleep() future keeps what sleep() returns here
  Value exception;            // Null: none
  Value cancel_message;       // cancel(msg)'s msg (None by default)
  Value cancelled_exc;        // a task's CancelledError from its coroutine, for result() to raise once
  Value callback0;            // the first done callback (Null: none), as CPython's fut_callback0
  List* callbacks = nullptr;  // the others, in order
  FutState state = FutState::Pending;
  bool blocking = false;      // _asyncio_future_blocking: set by await, cleared by the task that waits
  bool log_traceback = false; // an exception nobody has retrieved yet
  bool is_timer = false;      // sleep()'s future: it is its own timer (LoopObj::timers)
  explicit FutureObj(Type* t) : Opaque(t), result(Value::none()), cancel_message(Value::none()) {}
  void trace(Tracer& t) override;
};

// asyncio.Task: a future for the result of a coroutine it drives.
struct TaskObj : FutureObj {
  Value coro;                    // the coroutine (or generator) it runs
  Value name;                    // an int n (shown as 'Task-n', made on first use) or a str
  Value fut_waiter;              // the future the coroutine awaits, or Null
  TaskObj* live_prev = nullptr;  // the loop's list of tasks not done (all_tasks())
  TaskObj* live_next = nullptr;
  std::int64_t num_cancels_requested = 0;
  bool must_cancel = false;      // cancel() came while no future was awaited
  bool live = false;             // in the loop's list
  explicit TaskObj(Type* t) : FutureObj(t) {}
  void trace(Tracer& t) override;
};

// gather()'s outer future: its children, and how many have finished.
struct GatherObj : FutureObj {
  List* children = nullptr;       // the child futures, in argument order (repeats included)
  std::size_t distinct = 0;       // children without repeats: the count to wait for
  std::size_t finished = 0;
  bool return_exceptions = false;
  bool cancel_requested = false;
  explicit GatherObj(Type* t) : FutureObj(t) {}
  void trace(Tracer& t) override;
};

// An entry of the ready queue: what to run in the next iteration.
enum class ReadyKind : std::uint8_t {
  Step,      // a: TaskObj; b: exception to throw into its coroutine, or Null
  Wakeup,    // a: TaskObj; b: the future it waited for, now done
  Gathered,  // a: GatherObj; b: a child that is done
  Call,      // a: callable; b: its one argument (a future's done callback)
  Handle,    // a: an asyncio Handle (Python): a._run() unless a._cancelled
  Sleep,     // a: a sleep() future whose time has come: done with its result unless cancelled
};
struct ReadyItem {
  Value a, b;
  ReadyKind kind;
};

// A timer: a sleep() future (is_timer) or a TimerHandle (Python, with _when,
// _cancelled and _run). Deadlines are time.monotonic() seconds.
struct TimerEntry {
  double when;
  std::uint64_t seq;  // ties: first scheduled first
  Value timer;
};

// The native half of the event loop (asyncio.py's _EventLoop subclasses it).
struct LoopObj : Opaque {
  std::vector<ReadyItem> ready;    // to run in the next iteration
  std::vector<ReadyItem> running;  // the iteration being run (rooted while it runs)
  std::size_t running_pos = 0;
  // Deadlines that come in order -- the usual case, many sleeps of one
  // length -- are appended to `timers` (consumed from timers_head); the
  // others go into `heap`, a binary min-heap; the next timer is the earlier
  // of the two heads, so the usual case costs no heap operation.
  std::vector<TimerEntry> timers;
  std::size_t timers_head = 0;
  std::vector<TimerEntry> heap;
  std::uint64_t timer_seq = 0;
  std::size_t timers_purge_at = 1024;  // queued timers that next drop the cancelled ones (loop.cpp add_timer)
  TaskObj* live_tasks = nullptr;   // tasks not done, newest first
  List* unretrieved = nullptr;     // tasks that ended in an exception nobody may have seen
  std::size_t unretrieved_prune_at = 64;  // its length that next drops the retrieved ones (task.cpp finish)
  Value current_task;              // the task being stepped, or None
  std::int64_t task_counter = 0;   // names Task-1, Task-2, ...
  bool closed = false;             // close() ran: scheduling raises "Event loop is closed" (loop.cpp)
  explicit LoopObj(Type* t) : Opaque(t), current_task(Value::none()) {}
  void trace(Tracer& t) override;
};

// The module's types and the Python objects it needs from asyncio.py
// (registered by _asyncio._setup), kept alive by the module's dict. One
// interpreter per process imports asyncio.
struct State {
  Type* future = nullptr;
  Type* task = nullptr;
  Type* gathering = nullptr;
  Type* loop = nullptr;
  Value cancelled_error;     // asyncio.CancelledError
  Value invalid_state_error; // asyncio.InvalidStateError
  Value get_event_loop;      // asyncio._get_event_loop
  Str* s_cancel = nullptr;
  Str* s_msg = nullptr;
  Str* s_add_done_callback = nullptr;
  Str* s_result = nullptr;
  Str* s_call_soon = nullptr;
  Str* s_call_exception_handler = nullptr;
  Str* s_run = nullptr;
  Str* s_cancelled = nullptr;
  Str* s_when = nullptr;
  Str* s_loop = nullptr;
  Str* s_blocking = nullptr;
};
State& state();

// Downcasts (null when v is not one of these, subclasses included).
FutureObj* as_future(Value v);
TaskObj* as_task(Value v);
LoopObj* as_loop(Value v);

// future.cpp
bool init_future_type(ThreadState& ts, Dict* module_dict);
// Future.__init__'s work: binds fut to loop (None: the current event loop).
bool future_init(ThreadState& ts, FutureObj* fut, Value loop);
// Moves every done callback to the loop's ready queue (CPython's
// future_schedule_callbacks). False with an exception pending.
bool schedule_callbacks(ThreadState& ts, FutureObj* fut);
bool future_set_result(ThreadState& ts, FutureObj* fut, Value result);
bool future_set_exception(ThreadState& ts, FutureObj* fut, Value exc);
bool future_cancel(ThreadState& ts, FutureObj* fut, Value msg);
// Adds a done callback (a callable, or a TaskObj / GatherObj marker).
bool add_callback(ThreadState& ts, FutureObj* fut, Value cb);
// The CancelledError result() raises for a cancelled future.
Value make_cancelled_error(ThreadState& ts, FutureObj* fut);
// What awaiting the done future gives: its result, or Fail with its
// exception (or CancelledError) raised.
Value future_outcome(ThreadState& ts, FutureObj* fut);
// cancel(msg) on any future: the native one for the module's own types,
// else the object's cancel method (a Python subclass may override it).
// 1 cancelled, 0 not, -1 error.
int cancel_any(ThreadState& ts, Value fut, Value msg);
// repr(fut)'s state part: "pending", "finished result=1", ...
bool future_repr_info(ThreadState& ts, FutureObj* fut, std::string& out);
Value invalid_state(ThreadState& ts, std::string_view message);
// A property of a native type: get (and set, or null) called with the object.
void add_property(ThreadState& ts, Type* t, const char* name, NativeFn get, NativeFn set);

// task.cpp
bool init_task_type(ThreadState& ts, Dict* module_dict);
// One step of the task's coroutine: send None, or throw exc. False only for
// an exception that must leave the loop (KeyboardInterrupt, SystemExit).
bool task_step(ThreadState& ts, TaskObj* task, Value exc);
// The future the task waited for is done: step with its outcome.
bool task_wakeup(ThreadState& ts, TaskObj* task, Value fut);
// Makes and schedules a task for coro on loop (Null name: Task-n).
TaskObj* new_task(ThreadState& ts, Type* t, Value coro, Value loop, Value name);

// loop.cpp
bool init_loop_type(ThreadState& ts, Dict* module_dict);
// Appends to the loop's ready queue; `loop` may be another kind of loop,
// whose call_soon is called then. False with an exception pending.
bool push_ready(ThreadState& ts, Value loop, ReadyKind kind, Value a, Value b);
// Scheduling anything on a closed loop is CPython's RuntimeError "Event
// loop is closed" (BaseEventLoop._check_closed); false with it raised.
bool check_open(ThreadState& ts, const LoopObj* l);
void add_live_task(LoopObj* loop, TaskObj* task);
void remove_live_task(LoopObj* loop, TaskObj* task);

// gather.cpp: a child of a gather is done (the gather's callback).
bool gather_child_done(ThreadState& ts, GatherObj* outer, Value child);
bool init_gather(ThreadState& ts, Dict* module_dict);

}  // namespace gilvm::asyncio
