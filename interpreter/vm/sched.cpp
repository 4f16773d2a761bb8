// The seeded scheduler's code; the design is in sched.h.
#include "vm/sched.h"

#include <algorithm>
#include <chrono>
#include <mutex>

#include "vm/deadline.h"
#include "vm/interp.h"
#include "vm/shutdown.h"

namespace gilvm {

namespace {

// splitmix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014): one 64-bit word of state, good enough spread
// for picking threads and quanta.
std::uint64_t next_random(Sched& s) {
  std::uint64_t z = (s.rng += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t draw_quantum(Sched& s) { return 1 + next_random(s) % kSchedMaxQuantum; }

// A thread's name ("thread 3" until threading has named it).
std::string name_of(const ThreadState& ts) {
  return ts.name.empty() ? "thread " + std::to_string(ts.acct.serial) : ts.name;
}

// How long a lock waiter sleeps between looks at Ctrl-C, its deadline and
// a deadlock.
constexpr auto kWaitSlice = std::chrono::milliseconds(20);

bool is_blocked(const Sched& s, const ThreadState* ts) {
  return std::any_of(s.blocked.begin(), s.blocked.end(), [&](const SchedBlocked& b) { return b.ts == ts; });
}

void unblock(Sched& s, const ThreadState* ts) {
  std::erase_if(s.blocked, [&](const SchedBlocked& b) { return b.ts == ts; });
}

// True when no thread can ever release a lock: none holds the GIL or is
// ready, and every live thread that is not ending waits for a lock with no
// deadline. Fills `out` for the report. Under threads_mu and g.mu.
bool nobody_can_wake(Interpreter& in, std::vector<BlockedThread>& out) {
  Sched& s = in.gil.sched;
  out.clear();
  if (!s.ready.empty()) return false;
  for (ThreadState* t : in.threads) {
    if (t->finishing.load(std::memory_order_acquire)) continue;
    auto it = std::find_if(s.blocked.begin(), s.blocked.end(), [&](const SchedBlocked& b) { return b.ts == t; });
    if (it == s.blocked.end() || it->timed) return false;
    out.push_back(BlockedThread{t, it->what});
  }
  return !out.empty();
}

}  // namespace

bool sched_active(const Interpreter& in) { return in.gil.mode.load(std::memory_order_relaxed) == GilMode::Seeded; }

void sched_seed(Sched& s, std::uint64_t seed) {
  s.seeded = true;
  s.seed = seed;
  s.rng = seed;
  s.ticks = 0;
  s.quantum = draw_quantum(s);
}

void sched_make_ready(Sched& s, ThreadState* ts) {
  if (std::find(s.ready.begin(), s.ready.end(), ts) == s.ready.end()) s.ready.push_back(ts);
}

void sched_hand_over(Gil& g, ThreadState& from, bool forced, BlockedIn next) {
  Sched& s = g.sched;
  ThreadState* to = nullptr;
  if (!s.ready.empty()) {
    std::size_t i = next_random(s) % s.ready.size();
    to = s.ready[i];
    s.ready.erase(s.ready.begin() + static_cast<std::ptrdiff_t>(i));
    g.locked = true;
    g.holder = to;
  }
  if (forced) sched_make_ready(s, &from);
  if (s.log_handoffs && to != nullptr) {
    std::string why;
    if (forced)
      why = "forced after " + std::to_string(s.ticks) + " ticks";
    else if (next.state == RunState::Off)
      why = name_of(from) + " ended";
    else
      why = name_of(from) + " blocked in " + (next.what != nullptr ? next.what : "native code");
    s.handoffs.push_back(SchedHandoff{name_of(from), to->acct.serial, name_of(*to), why});
  }
  s.ticks = 0;
  s.quantum = draw_quantum(s);
}

void sched_tick(ThreadState& ts) {
  Gil& g = ts.interp.gil;
  {
    std::lock_guard<std::mutex> lk(g.mu);
    Sched& s = g.sched;
    if (s.holds > 0) return;  // the stepper's own evaluation: not the program's ticks
    if (++s.ticks < s.quantum) return;
    if (s.ready.empty()) {
      // Nobody to switch to: a new quantum, as if it had switched to itself.
      s.ticks = 0;
      s.quantum = draw_quantum(s);
      return;
    }
  }
  gil_drop(ts, true);
  gil_take(ts);
}

void sched_register_thread(ThreadState& child) {
  Gil& g = child.interp.gil;
  std::lock_guard<std::mutex> lk(g.mu);
  sched_make_ready(g.sched, &child);
  // Its serial (the id `threads` shows) now, in program order, rather than
  // when the OS thread first reaches the GIL.
  if (child.acct.serial == 0) {
    child.acct.serial = g.totals.next_serial++;
    child.acct.start_ns = gil_clock_ns();
  }
}

void sched_forget_thread(ThreadState& child) {
  Gil& g = child.interp.gil;
  std::lock_guard<std::mutex> lk(g.mu);
  std::erase(g.sched.ready, &child);
}

SchedWait sched_wait_for_lock(ThreadState& ts, const void* lock, const char* what, double timeout) {
  using Clock = std::chrono::steady_clock;
  Interpreter& in = ts.interp;
  Gil& g = in.gil;
  const bool timed = timeout >= 0;
  const auto deadline = deadline_unless_negative(timeout);
  std::vector<BlockedThread> stuck;
  bool deadlock;
  {
    // Registered before the GIL is handed on, so that no release is missed.
    std::lock_guard<std::mutex> tl(in.threads_mu);
    std::lock_guard<std::mutex> lk(g.mu);
    g.sched.blocked.push_back(SchedBlocked{&ts, lock, what, timed});
    deadlock = !timed && nobody_can_wake(in, stuck);
  }
  if (deadlock) report_deadlock(ts, stuck);
  gil_drop(ts, false, {RunState::Lock, what});
  SchedWait result = SchedWait::Woken;
  for (;;) {
    std::unique_lock<std::mutex> lk(g.mu);
    if (!is_blocked(g.sched, &ts)) break;  // made ready by a release
    if (ctrl_c_pending(ts.is_main, in.eval_breaker)) {
      unblock(g.sched, &ts);
      result = SchedWait::Interrupted;
      break;
    }
    auto until = std::min(deadline, Clock::now() + std::chrono::duration_cast<Clock::duration>(kWaitSlice));
    g.released.wait_until(lk, until);
    if (!is_blocked(g.sched, &ts)) break;
    if (timed && Clock::now() >= deadline) {
      unblock(g.sched, &ts);
      result = SchedWait::TimedOut;
      break;
    }
    if (!timed && !g.locked) {
      // Nobody runs: are the others all blocked for good? (A thread that
      // was ending when this wait began has gone since.)
      lk.unlock();
      std::lock_guard<std::mutex> tl(in.threads_mu);
      std::lock_guard<std::mutex> relock(g.mu);
      if (!g.locked && is_blocked(g.sched, &ts) && nobody_can_wake(in, stuck)) {
        deadlock = true;
        unblock(g.sched, &ts);
        break;
      }
    }
  }
  gil_take(ts);  // ready: waits until the scheduler names this thread
  if (deadlock) report_deadlock(ts, stuck);
  return result;
}

void sched_lock_released(Interpreter& in, const void* lock) {
  Gil& g = in.gil;
  std::lock_guard<std::mutex> lk(g.mu);
  Sched& s = g.sched;
  for (const SchedBlocked& b : s.blocked)
    if (b.lock == lock) sched_make_ready(s, b.ts);
  std::erase_if(s.blocked, [&](const SchedBlocked& b) { return b.lock == lock; });
}

}  // namespace gilvm
