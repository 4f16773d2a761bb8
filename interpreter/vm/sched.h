// The seeded scheduler: --sched=seed:N (GilMode::Seeded), reproducible
// interleavings.
//
// Under the default GIL, which thread runs next is decided by real time: a
// waiter asks for the GIL after 5 ms, the OS wakes whichever thread it
// likes, a lock's waiter comes back when the kernel gets round to it. Run a
// racy program twice and the threads interleave differently. The seeded
// scheduler takes every one of those decisions away from time:
//
// 1. The GIL is a baton. A thread that lets go of it does not just unlock
//    it: it *names* the next holder (Gil::holder is set to that thread while
//    it is still asleep) and only that thread may take it. The next holder
//    is drawn by a pseudo-random generator seeded with N from `ready`, the
//    threads that can run, kept in an order that depends only on the
//    program (the order they became ready in).
// 2. Forced switches come after a pseudo-random number of *ticks* (safe
//    points: a loop's back edge, a function's entry) drawn from the same
//    generator, not after a switch interval. The eval breaker's
//    kBreakSchedTick bit stays set so that every safe point counts.
// 3. Waiting on gilvm's own locks (and so on everything threading builds on
//    them: Condition, Event, Queue, Semaphore, Thread.join, Thread.start)
//    does not sleep in the kernel. The waiter is put on `blocked` with the
//    lock it waits for and hands the baton on; releasing that lock moves its
//    waiters to `ready` at that very instruction. A new thread is made ready
//    by its parent before the OS thread exists; a thread that ends hands the
//    baton on as it leaves.
//
// So which thread runs next, and for how long, is a function of the seed
// and of the program's own synchronisation only. What still depends on the
// world: the moment a thread comes back from a sleep or real IO (it rejoins
// `ready` when the kernel wakes it) and lock waits with a timeout (their
// deadline is real time). Writes to files and the standard streams keep the
// baton (they do not let another thread in), so threads that print do not
// lose determinism; a write that blocks on a full pipe another thread of the
// same program should drain would wait forever in this mode.
//
// A wait that no thread can ever end (every thread blocked on a lock, none
// ready, none in IO) is reported at once as a deadlock, the same report as
// the default mode's detector gives.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/gil_account.h"

namespace gilvm {

struct Gil;
struct Interpreter;
struct ThreadState;

// A thread waiting for a lock under the seeded scheduler.
struct SchedBlocked {
  ThreadState* ts;
  const void* lock;  // the LockObj waited for
  const char* what;  // the call, for the deadlock report: "Queue.get"
  bool timed;        // the wait has a deadline (not a forever wait)
};

// One hand-off of the GIL, for the stepper.
struct SchedHandoff {
  std::string from;     // the name of the thread that let go
  int to;               // the serial of the thread named holder
  std::string to_name;  // its name then ("thread 3" if threading has not named it yet)
  std::string why;      // "forced after 12 ticks", "Thread-1 blocked in Queue.get"
};

// The seeded scheduler's state, a part of Gil, guarded by Gil::mu.
struct Sched {
  bool seeded = false;                  // sched_seed has run
  std::uint64_t seed = 0;
  std::uint64_t rng = 0;                // splitmix64 state
  std::vector<ThreadState*> ready;      // runnable threads waiting to be named holder, in the order they became ready
  std::vector<SchedBlocked> blocked;    // threads waiting for a lock
  std::uint64_t ticks = 0;              // safe points the holder has passed since it took the GIL
  std::uint64_t quantum = 0;            // forced switch when ticks reaches this
  int holds = 0;                        // > 0: no forced switch (the stepper evaluates an expression)
  // The stepper's view of hand-offs: while `log_handoffs` is set, each one
  // is appended here.
  bool log_handoffs = false;
  std::vector<SchedHandoff> handoffs;
};

// The largest quantum, in ticks: each is drawn uniformly from [1, kMaxQuantum].
inline constexpr std::uint64_t kSchedMaxQuantum = 200;

// Resets the generator and the first quantum (Interpreter::configure_gil).
void sched_seed(Sched& s, std::uint64_t seed);

// --- Called by gil.cpp with Gil::mu held -----------------------------------

// Adds `ts` to `ready` unless it is there already.
void sched_make_ready(Sched& s, ThreadState* ts);
// `from` lets go of the GIL (forced: a tick quantum ran out; else it blocks
// in `next`, or ends: next.state Off). Names the next holder: sets g.locked
// and g.holder when some thread is ready. A forced `from` is itself made
// ready after the draw.
void sched_hand_over(Gil& g, ThreadState& from, bool forced, BlockedIn next);

// --- Called with the GIL held ----------------------------------------------

// The slow path at a safe point (kBreakSchedTick): counts a tick and, when
// the quantum has run out and another thread is ready, hands over.
void sched_tick(ThreadState& ts);

// A thread about to be started: ready from now on, so the OS thread's
// arrival time does not matter. sched_forget_thread undoes it when the OS
// thread could not be made.
void sched_register_thread(ThreadState& child);
void sched_forget_thread(ThreadState& child);

enum class SchedWait { Woken, TimedOut, Interrupted };
// Waits (GIL handed on) until `lock` is released by another thread or the
// timeout (seconds; < 0: none) passes; returns with the GIL held again. The
// caller then retries the lock. Reports a deadlock when no thread could ever
// release it.
SchedWait sched_wait_for_lock(ThreadState& ts, const void* lock, const char* what, double timeout);
// `lock` was released: its waiters are ready from this instruction on.
void sched_lock_released(Interpreter& in, const void* lock);

// True under --sched=seed:N.
bool sched_active(const Interpreter& in);

}  // namespace gilvm
