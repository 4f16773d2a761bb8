// modules/thread.cpp — the native _thread module: OS threads and locks, the
// small core that stdlib/threading.py and stdlib/queue.py are written on (as
// CPython's Modules/_threadmodule.c under Lib/threading.py).
//
// Threads. start_new_thread(function, args[, kwargs]) makes a ThreadState for
// the new thread while the caller still holds the GIL and pushes function,
// args and kwargs onto that state's own value stack: the state is registered
// in interp.threads from its constructor, so the collector marks the three
// from then on, whenever the new thread gets to run. The OS thread (a
// detached pthread with a 32 MiB C stack, SIGINT blocked so that Ctrl-C goes
// to the main thread) takes the GIL, calls the function, reports an uncaught
// exception as CPython's _thread does ("Exception ignored in thread started
// by: ..." and the traceback; SystemExit silently ends the thread), pops its
// roots, marks itself `finishing`, drops the GIL and deletes its state.
// threading.Thread wraps the function in its own bootstrap, which catches
// everything first, so that report is only seen by users of bare _thread.
//
// Locks. A lock is an Opaque holding a std::mutex `mu`, a condition variable
// and a `locked` flag (plus owner and count for RLock). The rule that keeps
// this deadlock-free: a thread holds `mu` only for a few instructions and
// never while it waits for the GIL. acquire() first tries with the GIL held
// (uncontended: one mutex lock, no GIL traffic); if the lock is taken and
// the call may block, it releases the GIL (ReleaseGil) and waits on the
// condition variable in slices of 20 ms. Between slices it checks the
// deadline and, on the main thread, the eval breaker's signal bit, so that
// Ctrl-C interrupts a blocked acquire (or join, or queue.get) with
// KeyboardInterrupt as it does in CPython. While the GIL is released the
// waiter touches only the C++ fields of the lock, never a Value; the lock
// object itself cannot be collected meanwhile, because it is the receiver of
// the running method call, which sits on the waiter's value stack (a root).
//
// Deadlock, named. When every thread is blocked forever on these locks —
// what Condition, Event, Semaphore, Barrier, Queue and join() without a
// timeout all come down to — gilvm prints each thread's name and stack and
// exits with status 1 (the report is vm/shutdown.h's), where CPython hangs
// (Go: "all goroutines are asleep - deadlock!"). A thread that must wait in
// acquire() with no timeout registers a *forever wait* after releasing the
// GIL: ThreadState::forever_wait names the lock, under the mutex
// Interpreter::deadlock.mu; it unregisters before it retakes the GIL, and
// when it takes the lock it also sets forever_wait.taken, under the lock's
// mu in the same step. A waiter whose 20 ms slice runs out while the cheap
// count says that every live thread is in a forever wait takes a snapshot:
// holding threads_mu and deadlock.mu, it checks that every ThreadState in
// interp.threads (which has a thread from start_new_thread on, before it
// runs) is registered, not finishing, and waits for a lock that is locked
// and that it has not just taken itself. A thread that sleeps, does IO
// (files, os.read, sockets, input()), waits with a timeout or waits for the
// GIL is not registered, so it fails the snapshot: only these untimed waits
// count. Daemon threads count like the others.
//
// Why a positive snapshot is a deadlock. While the snapshot holds
// deadlock.mu no thread can register or unregister, and threads_mu keeps
// the thread list fixed. Every thread was found registered, so for the
// whole snapshot every thread is in wait_and_take between registering and
// unregistering, where it releases nothing: no lock is released during the
// snapshot, and a lock seen locked is still locked when the snapshot ends.
// At that moment every thread waits for a locked lock and no thread is
// running that could unlock one; a waiter leaves its loop only when its
// lock is unlocked (or on Ctrl-C, below). So no thread can ever move again.
// The race where B releases L, waking A, and then blocks forever on M
// before A has run is caught by L itself: either A has not taken L yet, and
// L is unlocked, or A has, and `taken` is set; either way the snapshot
// fails. (Both tests matter: with the slice cut to 30 us and no
// confirmation, dropping either one makes the 10 000-item Queue and lock
// ping-pong programs of tests/cli report false deadlocks in most runs;
// with both, none did in 60 runs.) For margin, a deadlock is declared only when two positive
// snapshots at least kDeadlockConfirm apart see the same epoch (no forever
// wait began or ended in between) and the same progress generation
// (deadlock.releases, bumped by every release: one relaxed atomic
// increment, all that detection adds to the uncontended fast path), which
// would also catch a release by something outside interp.threads, should
// such a thing ever exist.
//
// The thread that confirms takes the GIL — nobody holds it: every thread
// released it before registering — and calls report_deadlock(), which does
// not return; the other waiters go on waiting until the process ends. A
// pending Ctrl-C vetoes the report: the main thread leaves its wait with
// KeyboardInterrupt instead. Lock order: threads_mu, deadlock.mu, a lock's
// mu; deadlock.mu is never taken with a lock's mu or the GIL held.
//
// Idents are pthread_t values, as CPython's get_ident(); get_native_id() is
// the kernel's thread id (gettid).
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <vector>

#include "modules/registry.h"
#include "vm/api.h"
#include "vm/deadline.h"
#include "vm/gil.h"
#include "vm/run.h"
#include "vm/shutdown.h"

namespace gilvm {

void set_current_thread(ThreadState* ts);  // vm/interp.cpp

namespace {

// CPython's _thread.TIMEOUT_MAX on Linux (PY_TIMEOUT_MAX in seconds).
constexpr double kTimeoutMax = 9223372036.0;
// The C stack of a thread started here (natives that call back into Python
// nest eval loops on it).
constexpr std::size_t kThreadCStack = std::size_t{32} << 20;
// How long a blocked acquire waits before it looks at the clock and at
// Ctrl-C again.
constexpr auto kWaitSlice = std::chrono::milliseconds(20);
// How long every thread must stay blocked forever, unchanged, before it is
// called a deadlock (two positive snapshots this far apart).
constexpr auto kDeadlockConfirm = std::chrono::milliseconds(50);

std::uint64_t this_ident() { return static_cast<std::uint64_t>(pthread_self()); }

// ---------------------------------------------------------------------------
// Lock and RLock
// ---------------------------------------------------------------------------

struct LockObj : Opaque {
  std::mutex mu;                // guards the fields below; never held while waiting for the GIL
  std::condition_variable cv;   // signalled when `locked` is cleared
  bool locked = false;
  const bool reentrant;         // RLock
  std::uint64_t owner = 0;      // RLock: ident of the owning thread (0: none)
  std::int64_t count = 0;       // RLock: recursion depth
  LockObj(Type* t, bool rlock) : Opaque(t), reentrant(rlock) {}
};

LockObj* as_lock(ThreadState& ts, Value v, bool reentrant) {
  if (v.is_obj() && v.as_obj()->kind == Kind::Opaque) {
    auto* l = dynamic_cast<LockObj*>(v.as_obj());
    if (l != nullptr && l->reentrant == reentrant) return l;
  }
  raise_fmt(ts, ts.interp.types.TypeError, "descriptor requires a '{}' object but received '{}'",
            reentrant ? "_thread.RLock" : "_thread.lock", type_name(ts, v));
  return nullptr;
}

// Marks the lock released for deadlock detection: the progress generation.
void note_release(Interpreter& in) { in.deadlock.releases.fetch_add(1, std::memory_order_relaxed); }

// ---------------------------------------------------------------------------
// Deadlock detection (the design and its soundness are at the top)
// ---------------------------------------------------------------------------

// Registers the calling thread's forever wait on `l` for its lifetime. Made
// with the GIL released, before the wait; unmade before the GIL is retaken.
class ForeverWaitScope {
 public:
  ForeverWaitScope(ThreadState& ts, LockObj* l) : ts_(ts) {
    DeadlockWatch& dw = ts_.interp.deadlock;
    std::lock_guard<std::mutex> lk(dw.mu);
    ts_.forever_wait = ForeverWait{l, l->reentrant ? "RLock.acquire" : "Lock.acquire", false};
    ++dw.epoch;
    dw.waiters.fetch_add(1, std::memory_order_relaxed);
  }
  ~ForeverWaitScope() {
    DeadlockWatch& dw = ts_.interp.deadlock;
    std::lock_guard<std::mutex> lk(dw.mu);
    ts_.forever_wait = ForeverWait{};
    ++dw.epoch;
    dw.waiters.fetch_sub(1, std::memory_order_relaxed);
  }
  ForeverWaitScope(const ForeverWaitScope&) = delete;
  ForeverWaitScope& operator=(const ForeverWaitScope&) = delete;

 private:
  ThreadState& ts_;
};

// The snapshot: true when every thread is in a forever wait on a lock that
// is locked and not taken; fills `blocked`. The caller holds threads_mu and
// deadlock.mu (so every registered lock is alive: its waiter cannot leave).
bool all_blocked_forever(Interpreter& in, std::vector<BlockedThread>& blocked) {
  blocked.clear();
  for (ThreadState* t : in.threads) {
    const ForeverWait& w = t->forever_wait;
    if (w.lock == nullptr || t->finishing.load(std::memory_order_acquire)) return false;
    auto* l = static_cast<LockObj*>(const_cast<void*>(w.lock));
    std::lock_guard<std::mutex> lk(l->mu);
    if (!l->locked || w.taken) return false;
    blocked.push_back(BlockedThread{t, w.what});
  }
  return !blocked.empty();
}

std::int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Called by a forever waiter between slices, holding no lock and not the
// GIL. Returns unless this thread confirms a deadlock, which it reports
// (and the process ends).
void check_for_deadlock(ThreadState& ts) {
  Interpreter& in = ts.interp;
  DeadlockWatch& dw = in.deadlock;
  // The cheap test first: some thread is not in a forever wait.
  if (dw.waiters.load(std::memory_order_relaxed) < in.live_threads.load(std::memory_order_relaxed)) return;
  if (dw.reported.load(std::memory_order_relaxed)) return;
  std::vector<BlockedThread> blocked;
  {
    std::lock_guard<std::mutex> tl(in.threads_mu);
    std::lock_guard<std::mutex> wl(dw.mu);
    if (!all_blocked_forever(in, blocked)) {
      dw.candidate = false;
      return;
    }
    if (in.eval_breaker.load(std::memory_order_relaxed) & kBreakSignal) return;  // Ctrl-C wins
    std::int64_t now = steady_ns();
    std::uint64_t releases = dw.releases.load(std::memory_order_relaxed);
    if (!dw.candidate || dw.candidate_epoch != dw.epoch || dw.candidate_releases != releases) {
      dw.candidate = true;
      dw.candidate_epoch = dw.epoch;
      dw.candidate_releases = releases;
      dw.candidate_ns = now;
      return;
    }
    if (now - dw.candidate_ns < std::chrono::nanoseconds(kDeadlockConfirm).count()) return;
    if (dw.reported.exchange(true)) return;
  }
  // Every thread is parked with the GIL released: take it, read the heap.
  gil_take(ts);
  report_deadlock(ts, blocked);
}

enum class WaitResult { Acquired, TimedOut, Interrupted };

// What a lock wait is, as the person who wrote the program sees it: the
// outermost threading/queue/concurrent.futures method on the stack
// ("Thread.join", "Queue.get", "Future.result"), else the lock's own
// acquire. The GIL's statistics keep the pointer, so the names are literals.
const char* lock_wait_label(ThreadState& ts, const LockObj* l) {
  static constexpr const char* kKnown[] = {
      "Thread.join", "Queue.get", "Queue.put", "Queue.join", "SimpleQueue.get", "Event.wait",
      "Condition.wait", "Condition.wait_for", "Semaphore.acquire", "BoundedSemaphore.acquire",
      "Barrier.wait", "Thread.start", "Future.result", "Future.exception", "wait", "as_completed",
      "ThreadPoolExecutor.shutdown", "ProcessPoolExecutor.shutdown",
  };
  const char* label = l->reentrant ? "RLock.acquire" : "Lock.acquire";
  for (const Frame* f = ts.frame; f != nullptr; f = f->prev) {
    if (f->code == nullptr || f->code->filename == nullptr || f->code->qualname == nullptr) continue;
    const std::string& file = f->code->filename->s;
    if (file != "<stdlib>/threading.py" && file != "<stdlib>/queue.py" && !file.starts_with("<stdlib>/concurrent/"))
      break;
    for (const char* k : kKnown)
      if (f->code->qualname->s == k) label = k;
  }
  return label;
}

// Waits, with the GIL released, until the lock is free and takes it.
// `timeout` < 0 waits forever (a forever wait, for deadlock detection).
// Touches no heap object but the lock's C++ fields (the lock is rooted by
// the caller's call).
WaitResult wait_and_take(ThreadState& ts, LockObj* l, double timeout, std::uint64_t me) {
  using Clock = std::chrono::steady_clock;
  std::atomic<std::uint32_t>& breaker = ts.interp.eval_breaker;
  const bool is_main = ts.is_main;
  const bool timed = timeout >= 0;
  // Up to TIMEOUT_MAX (9.2e9 s): past what the clock can add (vm/deadline.h).
  const auto deadline = deadline_unless_negative(timeout);
  ReleaseGil released(ts, {RunState::Lock, lock_wait_label(ts, l)});
  std::optional<ForeverWaitScope> forever;
  if (!timed) forever.emplace(ts, l);
  std::unique_lock<std::mutex> lk(l->mu);
  while (l->locked) {
    if (ctrl_c_pending(is_main, breaker)) return WaitResult::Interrupted;
    auto slice = std::chrono::duration_cast<Clock::duration>(kWaitSlice);
    if (timed) {
      auto left = deadline - Clock::now();
      if (left <= Clock::duration::zero()) return WaitResult::TimedOut;
      if (left < slice) slice = left;
    }
    if (l->cv.wait_for(lk, slice) == std::cv_status::timeout && !timed && l->locked) {
      lk.unlock();
      check_for_deadlock(ts);
      lk.lock();
    }
  }
  l->locked = true;
  l->owner = me;
  l->count = 1;
  if (!timed) ts.forever_wait.taken = true;
  return WaitResult::Acquired;
  // lk unlocks, then `forever` unregisters, then `released` retakes the
  // GIL: mu is never held while waiting for the GIL.
}

// acquire(blocking=True, timeout=-1), CPython's argument rules.
bool parse_acquire_args(ThreadState& ts, const Args& a, double& timeout) {
  Interpreter& in = ts.interp;
  // Bound here rather than by the rows, so that acquire, acquire_lock and
  // __enter__ all word a wrong call as "acquire()", as CPython's do.
  static const MethodDef def{"acquire", nullptr, "blocking=True, timeout=-1", Style::Keywords};
  static const Signature sig = parse_signature(def, "acquire");
  Value p[2];
  if (!bind_args(ts, sig, a, p)) return false;
  Value vb = p[0], vt = p[1];
  bool blocking = true;
  if (!vb.is_null()) {
    int b = truthy(ts, vb);
    if (b < 0) return false;
    blocking = b != 0;
  }
  timeout = -1;
  bool has_timeout = false;
  if (!vt.is_null()) {
    auto d = to_double(ts, vt);
    if (!d) return false;
    timeout = *d;
    has_timeout = timeout != -1;
  }
  if (!blocking && has_timeout) {
    raise(ts, in.types.ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (std::isnan(timeout)) {
    raise(ts, in.types.ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    raise(ts, in.types.ValueError, "timeout value must be positive");
    return false;
  }
  if (timeout > kTimeoutMax) {
    raise(ts, in.types.OverflowError, "timeout value is too large");
    return false;
  }
  if (!blocking) timeout = 0;
  return true;
}

Value raise_interrupt(ThreadState& ts) {
  Interpreter& in = ts.interp;
  in.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakSignal), std::memory_order_relaxed);
  return raise(ts, new_exception(ts, in.types.KeyboardInterrupt, {}));
}

// Takes `l` if it is free (or already ours, for an RLock).
bool try_take(LockObj* l, std::uint64_t me) {
  std::lock_guard<std::mutex> lk(l->mu);
  if (l->reentrant && l->locked && l->owner == me) {
    ++l->count;
    return true;
  }
  if (l->locked) return false;
  l->locked = true;
  l->owner = me;
  l->count = 1;
  return true;
}

// A blocking acquire under --sched=seed:N: the scheduler parks the thread
// until the lock is released (vm/sched.h), then it tries again.
Value sched_acquire(ThreadState& ts, LockObj* l, double timeout, std::uint64_t me) {
  for (;;) {
    SchedWait w = sched_wait_for_lock(ts, l, lock_wait_label(ts, l), timeout);
    if (try_take(l, me)) return Value::from_bool(true);
    if (w == SchedWait::TimedOut) return Value::from_bool(false);
    if (w == SchedWait::Interrupted) return raise_interrupt(ts);
  }
}

// The shared acquire: `me` is the caller's ident (used by RLock).
Value do_acquire(ThreadState& ts, LockObj* l, double timeout) {
  std::uint64_t me = this_ident();
  if (try_take(l, me)) return Value::from_bool(true);
  if (timeout == 0) return Value::from_bool(false);
  if (sched_active(ts.interp)) return sched_acquire(ts, l, timeout, me);
  switch (wait_and_take(ts, l, timeout, me)) {
    case WaitResult::Acquired: return Value::from_bool(true);
    case WaitResult::TimedOut: return Value::from_bool(false);
    case WaitResult::Interrupted: return raise_interrupt(ts);
  }
  return Value::from_bool(false);
}

Value lock_acquire(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, false);
  if (l == nullptr) return Value::fail();
  double timeout;
  if (!parse_acquire_args(ts, a, timeout)) return Value::fail();
  return do_acquire(ts, l, timeout);
}

Value lock_release(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, false);
  if (l == nullptr) return Value::fail();
  {
    std::lock_guard<std::mutex> lk(l->mu);
    if (!l->locked) return raise(ts, ts.interp.types.RuntimeError, "release unlocked lock");
    l->locked = false;
    l->owner = 0;
    l->count = 0;
    note_release(ts.interp);
  }
  l->cv.notify_one();
  if (sched_active(ts.interp)) sched_lock_released(ts.interp, l);
  return Value::none();
}

Value lock_exit(ThreadState& ts, Value self, const Args& a) {
  Args none{};
  Value r = lock_release(ts, self, none);
  return r.is_fail() ? r : Value::from_bool(false);
}

Value lock_locked(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, false);
  if (l == nullptr) return Value::fail();
  std::lock_guard<std::mutex> lk(l->mu);
  return Value::from_bool(l->locked);
}

std::string address(const void* p) { return fmt::format("{:#x}", reinterpret_cast<std::uintptr_t>(p)); }

Value lock_repr(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, false);
  if (l == nullptr) return Value::fail();
  bool locked;
  {
    std::lock_guard<std::mutex> lk(l->mu);
    locked = l->locked;
  }
  return new_str(ts, fmt::format("<{} _thread.lock object at {}>", locked ? "locked" : "unlocked", address(l)));
}

Value rlock_acquire(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, true);
  if (l == nullptr) return Value::fail();
  double timeout;
  if (!parse_acquire_args(ts, a, timeout)) return Value::fail();
  return do_acquire(ts, l, timeout);
}

// Releases one level (or every level, for _release_save); the caller owns it.
bool rlock_release_levels(ThreadState& ts, LockObj* l, bool all, std::int64_t* saved_count,
                          std::uint64_t* saved_owner) {
  {
    std::lock_guard<std::mutex> lk(l->mu);
    if (!l->locked || l->owner != this_ident() || l->count == 0) {
      raise(ts, ts.interp.types.RuntimeError, "cannot release un-acquired lock");
      return false;
    }
    if (saved_count) *saved_count = l->count;
    if (saved_owner) *saved_owner = l->owner;
    if (!all && --l->count > 0) return true;
    l->locked = false;
    l->owner = 0;
    l->count = 0;
    note_release(ts.interp);
  }
  l->cv.notify_one();
  if (sched_active(ts.interp)) sched_lock_released(ts.interp, l);
  return true;
}

Value rlock_release(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, true);
  if (l == nullptr) return Value::fail();
  if (!rlock_release_levels(ts, l, false, nullptr, nullptr)) return Value::fail();
  return Value::none();
}

Value rlock_exit(ThreadState& ts, Value self, const Args& a) {
  Args none{};
  Value r = rlock_release(ts, self, none);
  return r.is_fail() ? r : Value::from_bool(false);
}

// Condition's helpers (as CPython's RLock has them): release every level
// and return (count, owner); then restore them after waiting.
Value rlock_release_save(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, true);
  if (l == nullptr) return Value::fail();
  std::int64_t count = 0;
  std::uint64_t owner = 0;
  if (!rlock_release_levels(ts, l, true, &count, &owner)) return Value::fail();
  return obj(new_tuple(ts, {Value::from_int(count), Value::from_int(static_cast<std::int64_t>(owner))}));
}

Value rlock_acquire_restore(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, true);
  if (l == nullptr) return Value::fail();
  Tuple* t = as_tuple(a[0]);
  if (t == nullptr || t->items.size() != 2 || !t->items[0].is_int())
    return raise(ts, ts.interp.types.TypeError, "_acquire_restore() argument must be a (count, owner) tuple");
  std::int64_t count = t->items[0].as_int();
  Value r = do_acquire(ts, l, -1);
  if (r.is_fail()) return r;
  std::lock_guard<std::mutex> lk(l->mu);
  l->count = count;
  return Value::none();
}

Value rlock_is_owned(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, true);
  if (l == nullptr) return Value::fail();
  std::lock_guard<std::mutex> lk(l->mu);
  return Value::from_bool(l->locked && l->count > 0 && l->owner == this_ident());
}

Value rlock_repr(ThreadState& ts, Value self, const Args& a) {
  LockObj* l = as_lock(ts, self, true);
  if (l == nullptr) return Value::fail();
  bool locked;
  std::uint64_t owner;
  std::int64_t count;
  {
    std::lock_guard<std::mutex> lk(l->mu);
    locked = l->locked;
    owner = l->owner;
    count = l->count;
  }
  return new_str(ts, fmt::format("<{} _thread.RLock object owner={} count={} at {}>",
                                 locked ? "locked" : "unlocked", owner, count, address(l)));
}

Value lock_ctor(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "lock", 0, 0)) return Value::fail();
  return obj(ts.interp.heap.make<LockObj>(as_type(self), false));
}

Value rlock_ctor(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "RLock", 0, 0)) return Value::fail();
  return obj(ts.interp.heap.make<LockObj>(as_type(self), true));
}

// The module's lock types, kept in the function's `data` (allocate_lock
// finds its type there).
Value t_allocate_lock(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "allocate_lock", 0, 0)) return Value::fail();
  return obj(ts.interp.heap.make<LockObj>(as_type(self), false));
}

const MethodDef kLockMethods[] = {
    {"acquire", lock_acquire, nullptr, Style::Keywords, Access::Mutates},
    {"acquire_lock", lock_acquire, nullptr, Style::Keywords, Access::Mutates},
    {"release", lock_release, "", Style::NoArgs, Access::Mutates},
    {"release_lock", lock_release, "", Style::NoArgs, Access::Mutates},
    {"locked", lock_locked, "", Style::NoArgs},
    {"locked_lock", lock_locked, "", Style::NoArgs},
    {"__enter__", lock_acquire, nullptr, Style::Keywords, Access::Mutates},
    {"__exit__", lock_exit},
    {"__repr__", lock_repr},
};

const MethodDef kRLockMethods[] = {
    {"acquire", rlock_acquire},
    {"release", rlock_release, "", Style::NoArgs, Access::Mutates},
    {"__enter__", rlock_acquire},
    {"__exit__", rlock_exit},
    {"_release_save", rlock_release_save, "", Style::NoArgs, Access::Mutates},
    {"_acquire_restore", rlock_acquire_restore, "state, /", Style::Getargs, Access::Mutates},
    {"_is_owned", rlock_is_owned, "", Style::NoArgs},
    {"__repr__", rlock_repr},
};

// ---------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------

// The body of a thread started by start_new_thread. Its ThreadState's value
// stack holds [function, args, kwargs-or-None].
void run_thread(ThreadState* ts) {
  set_current_thread(ts);
  gil_take(*ts);
  Interpreter& in = ts->interp;
  Value func = ts->stack[0];
  Tuple* args = as_tuple(ts->stack[1]);
  Dict* kwargs = as_dict(ts->stack[2]);
  std::vector<Str*> names;
  std::vector<Value> values;
  Value result;
  bool bad_kw = false;
  if (kwargs != nullptr) {
    dict_for_each(kwargs, [&](Value k, Value v) {
      Str* s = as_str(k);
      if (s == nullptr) bad_kw = true;
      names.push_back(s);
      values.push_back(v);
    });
  }
  if (bad_kw) {
    result = raise(*ts, in.types.TypeError, "keywords must be strings");
  } else {
    // The items stay rooted through args and kwargs on this stack.
    result = call_kw(*ts, func, std::span<const Value>(args->items), names, values);
  }
  if (result.is_fail()) {
    Value exc = take_exception(*ts);
    TempRoot root(*ts, exc);
    if (!isinstance(*ts, exc, in.types.SystemExit)) {
      auto r = repr_string(*ts, func);
      if (!r) {
        take_exception(*ts);
        r = "<object repr() failed>";
      }
      std::string text = "Exception ignored in thread started by: " + *r + "\n" + format_exception(*ts, exc);
      write_stderr(*ts, text);
    }
  }
  ts->exc = Value::null();
  ts->stack_top = ts->stack;  // unroot function and arguments
  ts->finishing.store(true, std::memory_order_release);
  gil_drop(*ts, false);
  set_current_thread(nullptr);
  delete ts;
}

void* thread_entry(void* p) {
  run_thread(static_cast<ThreadState*>(p));
  return nullptr;
}

Value t_start_new_thread(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  if (!is_callable(ts, a[0])) return raise(ts, in.types.TypeError, "first arg must be callable");
  if (as_tuple(a[1]) == nullptr) return raise(ts, in.types.TypeError, "2nd arg must be a tuple");
  if (!a[2].is_null() && as_dict(a[2]) == nullptr) return raise(ts, in.types.TypeError, "optional 3rd arg must be a dictionary");
  if (in.gil.mode.load(std::memory_order_relaxed) == GilMode::Off)
    return raise(ts, in.types.RuntimeError,
                 "can't start a thread with --gil=off: without the GIL gilvm runs one thread only");
  auto* nts = new ThreadState(in, ThreadState::kThreadStackValues);
  nts->name = "";
  nts->stack[0] = a[0];
  nts->stack[1] = a[1];
  nts->stack[2] = a[2].is_null() ? Value::none() : a[2];
  nts->stack_top = nts->stack + 3;

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, kThreadCStack);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  // The new thread starts with SIGINT blocked: Ctrl-C is the main thread's.
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  if (sched_active(in)) sched_register_thread(*nts);  // ready before its OS thread exists
  pthread_t tid;
  int rc = pthread_create(&tid, &attr, thread_entry, nts);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  pthread_attr_destroy(&attr);
  if (rc != 0) {
    if (sched_active(in)) sched_forget_thread(*nts);
    delete nts;
    return raise(ts, in.types.RuntimeError, "can't start new thread");
  }
  // The new thread reads its ident only after it has taken the GIL, which
  // this thread holds until after this write.
  nts->ident = static_cast<std::uint64_t>(tid);
  return Value::from_int(static_cast<std::int64_t>(nts->ident));
}

Value t_get_ident(ThreadState& ts, Value self, const Args& a) {
  return Value::from_int(static_cast<std::int64_t>(this_ident()));
}

Value t_get_native_id(ThreadState& ts, Value self, const Args& a) {
  return Value::from_int(static_cast<std::int64_t>(syscall(SYS_gettid)));
}

Value t_exit(ThreadState& ts, Value self, const Args& a) {
  return raise(ts, new_exception(ts, ts.interp.types.SystemExit, {}));
}

// The number of threads started here that have not finished yet.
Value t_count(ThreadState& ts, Value self, const Args& a) {
  std::int64_t n = 0;
  std::lock_guard<std::mutex> lk(ts.interp.threads_mu);
  for (ThreadState* t : ts.interp.threads)
    if (t != &ts && !t->is_main && !t->finishing.load(std::memory_order_acquire)) ++n;
  if (!ts.is_main) ++n;
  return Value::from_int(n);
}

Value t_interrupt_main(ThreadState& ts, Value self, const Args& a) {
  ts.interp.eval_breaker.fetch_or(kBreakSignal, std::memory_order_relaxed);
  return Value::none();
}

// Checks its own arguments: CPython's stack_size is METH_VARARGS, whose
// keyword error names "stack_size()" unqualified, which no Style words.
Value t_stack_size(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "stack_size", 0, 1)) return Value::fail();
  return Value::from_int(0);
}

// _thread._set_name(name): the calling thread's name, as threading.Thread
// names it, recorded in its ThreadState (for tracebacks of deadlocks, the GIL
// statistics and the debugger) and given to the OS thread (first 15 bytes,
// as top and gdb show it). Also records the thread's ident.
Value t_set_name(ThreadState& ts, Value self, const Args& a) {
  Str* name = as_str(a[0]);
  if (name == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "_set_name() argument must be str, not {}",
                     type_name(ts, a[0]));
  ts.name = name->s;
  ts.ident = this_ident();
  std::string os_name = name->s.substr(0, 15);
  pthread_setname_np(pthread_self(), os_name.c_str());
  return Value::none();
}

// _thread._format_exception(exc): the traceback text CPython's
// traceback.format_exception would join, for threading.excepthook.
Value t_format_exception(ThreadState& ts, Value self, const Args& a) {
  return new_str(ts, format_exception(ts, a[0]));
}

// One traceback entry for the traceback module: (filename, lineno, name,
// source line or ""), the line as the source has it (FrameSummary strips it).
Value trace_entry(ThreadState& ts, const CodeObject* code, int line) {
  Interpreter& in = ts.interp;
  std::string text;
  auto src = in.sources.find(code->filename->s);
  if (src != in.sources.end() && line >= 1 && line <= static_cast<int>(src->second.size()))
    text = src->second[line - 1];
  Value file = Value::from_obj(code->filename);
  Value name = Value::from_obj(code->name);
  Value t = new_str(ts, text);
  TempRoot root(ts, t);
  return Value::from_obj(new_tuple(ts, {file, Value::from_int(line), name, t}));
}

// _thread._tb_entries(exc): exc's traceback, outermost call first (gilvm
// has no traceback objects: exc.__traceback__ is None).
Value t_tb_entries(ThreadState& ts, Value self, const Args& a) {
  List* out = new_list(ts);
  TempRoot root(ts, Value::from_obj(out));
  if (Exception* e = as_exception(a[0])) {
    for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
      Value entry = trace_entry(ts, it->code, it->line);
      out->items.push_back(entry);
    }
  }
  return Value::from_obj(out);
}

// _thread._stack_entries([depth]): the calling thread's stack, outermost
// first, ending with the caller's frame (for traceback.extract_stack); with
// a depth, only that many innermost frames (logging looks for its caller
// at every record and rarely needs more).
Value t_stack_entries(ThreadState& ts, Value self, const Args& a) {
  std::int64_t depth = -1;
  if (!a[0].is_null() && !a[0].is_none()) {
    if (!a[0].is_int()) return raise(ts, ts.interp.types.TypeError, "_stack_entries() depth must be an int");
    depth = a[0].as_int();
  }
  List* out = new_list(ts);
  TempRoot root(ts, Value::from_obj(out));
  for (const Frame* f = ts.frame; f != nullptr && depth != 0; f = f->prev) {
    if (f->code == nullptr || f->ip == nullptr) continue;
    if (depth > 0) --depth;
    Value entry = trace_entry(ts, f->code, f->line());
    out->items.push_back(entry);
  }
  std::reverse(out->items.begin(), out->items.end());
  return Value::from_obj(out);
}

const MethodDef kThreadFunctions[] = {
    {"start_new_thread", t_start_new_thread, "function, args, kwargs=None, /", Style::Positional},
    {"start_new", t_start_new_thread, "function, args, kwargs=None, /", Style::Positional},
    {"get_ident", t_get_ident, "", Style::NoArgs},
    {"get_native_id", t_get_native_id, "", Style::NoArgs},
    {"exit", t_exit, "", Style::NoArgs},
    {"exit_thread", t_exit, "", Style::NoArgs},
    {"_count", t_count, "", Style::NoArgs},
    {"interrupt_main", t_interrupt_main, "signum=SIGINT, /", Style::Positional},
    {"stack_size", t_stack_size},
    {"_format_exception", t_format_exception, "exc, /", Style::One},
    {"_tb_entries", t_tb_entries, "tb, /", Style::One},
    {"_stack_entries", t_stack_entries, "depth=None, /", Style::Positional},
    {"_set_name", t_set_name, "name, /", Style::One},
};

}  // namespace

bool init_thread_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Str* modname = in.intern("_thread");
  Type* lock = make_builtin_type(in, "lock", in.types.object, Kind::Opaque);
  lock->module_name = obj(modname);
  lock->ctor = lock_ctor;
  add_methods(in, lock, kLockMethods);
  Type* rlock = make_builtin_type(in, "RLock", in.types.object, Kind::Opaque);
  rlock->module_name = obj(modname);
  rlock->ctor = rlock_ctor;
  add_methods(in, rlock, kRLockMethods);

  add_functions(in, d, kThreadFunctions);
  Native* alloc = new_native(ts, t_allocate_lock, "allocate_lock", obj(lock));
  dict_set_cstr(in, d, "allocate_lock", obj(alloc));
  Native* alloc2 = new_native(ts, t_allocate_lock, "allocate", obj(lock));
  dict_set_cstr(in, d, "allocate", obj(alloc2));
  dict_set_cstr(in, d, "LockType", obj(lock));
  dict_set_cstr(in, d, "RLock", obj(rlock));
  dict_set_cstr(in, d, "error", obj(in.types.RuntimeError));
  dict_set_cstr(in, d, "TIMEOUT_MAX", Value::from_float(kTimeoutMax));
  return true;
}

}  // namespace gilvm
