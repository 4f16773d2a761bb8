// The global interpreter lock.
//
// A thread must hold the GIL to run bytecode or touch any heap object. The
// algorithm is CPython 3.2+'s "new GIL" (Python/ceval_gil.c, Antoine
// Pitrou's design), in three parts:
//
// 1. The lock itself is a flag, `locked`, guarded by the mutex `mu`, with
//    the condition variable `released` on which waiting threads sleep.
//    Taking the GIL is: lock mu; while locked, wait on `released`; set
//    locked and holder; unlock mu. Releasing is: lock mu; clear locked;
//    signal `released`; unlock mu.
//
// 2. Forced switching. A waiting thread does not wait forever: it waits on
//    `released` for at most the switch interval (default 5 ms,
//    sys.setswitchinterval). If the interval passes and the GIL has not
//    changed hands meanwhile (switch_number is unchanged), the waiter sets
//    the drop request: the kBreakGilDrop bit of the interpreter's eval
//    breaker. The holder checks the eval breaker — one relaxed atomic load —
//    at its safe points (a loop's back edge and a function's entry, as
//    CPython checks at back edges and calls), and on seeing the request it
//    releases the GIL.
//
// 3. Hand-off. A thread that releases because it was asked to then waits on
//    `switched` until another thread has actually taken the GIL (the
//    switch number moved). Without this, the releasing thread, still
//    running on its core, would usually win the mutex again at once and the
//    waiter would starve: the "convoy" that CPython 3.2 fixed.
//
// Blocking calls (sleep, file and socket IO, lock waits, join, waiting for a
// child process, long native work) release the GIL with ReleaseGil, a scoped
// guard (Py_BEGIN/END_ALLOW_THREADS). Inside the scope the thread touches no
// Value and no heap object: it copies what it needs out first and builds
// results after.
//
// Modes:
//   interval  the algorithm above (the default);
//   legacy    CPython 2's: every 100 "ticks" (bytecodes, not counting the
//             cheap ones such as LOAD_FAST that jumped straight to the next
//             instruction; sys.setcheckinterval) the holder released the GIL
//             and at once tried to retake it, with no hand-off. gilvm only
//             looks at safe points, which come once per 10-20 instructions
//             (a loop iteration, a call), so it releases every
//             kLegacyCheckInterval = 10 safe points: about as often in time.
//             On several cores each release wakes a waiter on another core
//             that usually finds the lock retaken and sleeps again, and now
//             and then wins it and drags the lock's state across caches —
//             which is what made CPU-bound threads slower than running the
//             same work serially (David Beazley, "Understanding the Python
//             GIL", PyCon 2010);
//   off       no GIL at all (free-threaded), for comparison — only where
//             the runtime is safe without it;
//   seeded    --sched=seed:N: the same lock, handed over by a seeded
//             scheduler instead of by time, for reproducible interleavings
//             (vm/sched.h explains it).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "vm/gil_account.h"
#include "vm/sched.h"

namespace gilvm {

struct Interpreter;
struct ThreadState;

// What the GIL tells whoever watches it change hands: the trace recorder
// (trace/recorder.h) implements it, so the GIL does not depend on trace/
// (as the stepper is a StepHook, vm/interp.h). Every call is made under
// Gil::mu, so an observer must not block or take the GIL; times are
// steady-clock nanoseconds, threads their accounting serials (gil_account.h).
class GilObserver {
 public:
  virtual ~GilObserver() = default;
  // Thread `serial` was in `state` (blocked in `what`, at `where` when
  // known) from start_ns to end_ns.
  virtual void slice(int serial, std::int64_t start_ns, std::int64_t end_ns, RunState state, const char* what,
                     const std::string& where) = 0;
  // `requester` asked `holder` to drop the GIL.
  virtual void drop_request(std::int64_t t_ns, int requester, int holder) = 0;
  // The GIL passed from `from` to `to`; `forced` when the last release was
  // a drop request honoured.
  virtual void gil_switch(std::int64_t t_ns, int from, int to, bool forced) = 0;
  virtual void thread_name(int serial, const std::string& name) = 0;
  // The number of threads waiting for the GIL changed.
  virtual void waiting_count(std::int64_t t_ns, int waiters) = 0;
};

enum class GilMode { Interval, Legacy, Off, Seeded };
// "interval", "legacy", "off" (as --gil spells them) or "seeded".
const char* gil_mode_name(GilMode m);

// --gil=legacy: safe points between two releases (see the prose above).
inline constexpr int kLegacyCheckInterval = 10;

struct Gil {
  std::mutex mu;                       // guards every field below but `interval_us` and `mode`
  std::condition_variable released;    // signalled when the GIL is released
  std::condition_variable switched;    // signalled when a thread takes the GIL
  bool locked = false;                 // the GIL is held
  ThreadState* holder = nullptr;       // by this thread (null when not locked)
  bool last_drop_forced = false;       // the last release was a forced drop
  std::uint64_t switch_number = 0;     // acquisitions by a thread other than the last holder
  int waiters = 0;                     // threads blocked in take()
  std::atomic<std::int64_t> interval_us{5000};  // the switch interval
  std::atomic<GilMode> mode{GilMode::Interval};
  std::atomic<int> legacy_countdown{kLegacyCheckInterval};  // legacy mode: safe points until the next release
  // Accounting (gil_account.h), under `mu`.
  GilTotals totals;
  std::vector<ThreadState*> waiting;   // threads in take(), for "who made whom wait"
  GilObserver* observer = nullptr;     // non-null while a trace is recorded
  Sched sched;                         // seeded mode's scheduler (vm/sched.h)
};

// Takes the GIL for `ts`; blocks until it is available.
void gil_take(ThreadState& ts);
// Releases the GIL held by `ts`. With `forced` (the holder was asked to
// drop), waits until another thread has taken it. `next` is the state the
// thread enters for the accounting: what it is about to block in, or Off
// when the thread is ending.
void gil_drop(ThreadState& ts, bool forced, BlockedIn next = {RunState::Off, nullptr});
// Called from the eval breaker's slow path when kBreakGilDrop is set (and
// in legacy mode at every check): releases and retakes the GIL.
void gil_yield(ThreadState& ts);

// Scoped release around a blocking call (Py_BEGIN_ALLOW_THREADS).
// `in` says what the thread blocks in, for the statistics and the trace.
class ReleaseGil {
 public:
  explicit ReleaseGil(ThreadState& ts, BlockedIn in = {});
  ~ReleaseGil();
  ReleaseGil(const ReleaseGil&) = delete;
  ReleaseGil& operator=(const ReleaseGil&) = delete;

 private:
  ThreadState& ts_;
  bool released_;
};

// A consistent copy of every thread's account (live threads' current state
// counted up to now), the totals, and the wall time since the first take.
struct GilSnapshot {
  std::vector<GilAccount> threads;  // by serial
  GilTotals totals;
  std::int64_t now_ns = 0;
  int holder = 0;                   // serial of the holder (0: none)
  std::vector<int> waiters;         // serials of the threads waiting for the GIL

  // Since the interpreter first took the GIL (0 before).
  std::int64_t wall_ns() const { return totals.start_ns == 0 ? 0 : now_ns - totals.start_ns; }
  // Time some thread held the GIL, over all threads.
  std::int64_t running_ns() const {
    std::int64_t sum = 0;
    for (const GilAccount& a : threads) sum += a.running_ns();
    return sum;
  }
};
GilSnapshot gil_snapshot(Interpreter& interp);
// Moves a finished thread's account to the totals (from ~ThreadState).
void gil_forget_thread(ThreadState& ts);

// In the child of fork() (vm/fork.cpp): the GIL's mutex and condition
// variables are made new, the calling thread becomes the holder and the
// only thread, and the accounting starts afresh (the parent's belongs to
// the parent: the child's --gil-stats would otherwise count threads that
// do not exist in it). The trace recorder is detached, not closed.
void gil_reinit_after_fork(ThreadState& ts);

// Debug check (docs/style.md §11): aborts when the calling thread does not hold
// the GIL. Nothing calls it yet; config.h has no switch that would.
void gil_assert_held(ThreadState& ts);

}  // namespace gilvm
