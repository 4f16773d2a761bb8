// The GIL's algorithm is explained in gil.h, its accounting in
// gil_account.h; this file is their code.
#include "vm/gil.h"

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string_view>

#include "vm/interp.h"

namespace gilvm {

std::int64_t gil_clock_ns() {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000LL + t.tv_nsec;
}

const char* gil_mode_name(GilMode m) {
  switch (m) {
    case GilMode::Interval: return "interval";
    case GilMode::Legacy: return "legacy";
    case GilMode::Off: return "off";
    case GilMode::Seeded: return "seeded";
  }
  return "interval";
}

namespace {

template <typename K>
void add_to(std::vector<std::pair<K, std::int64_t>>& v, K key, std::int64_t ns) {
  for (auto& [k, total] : v) {
    if (k == key) {
      total += ns;
      return;
    }
  }
  v.emplace_back(key, ns);
}

// "/abs/dir/file.py:12" for the thread's innermost Python frame ("" without
// one). The file is named by its code's co_filename, the main script's
// absolute path as in CPython's tracebacks, not shortened to a basename:
// a trace or timeline "where" then names the same file as the traceback or
// warning printed by the same run, and two modules of the same name in
// different folders cannot be confused.
std::string where_of(ThreadState& ts) {
  Frame* f = ts.frame;
  if (f == nullptr || f->code == nullptr || f->code->filename == nullptr) return "";
  return f->code->filename->s + ":" + std::to_string(f->line());
}

// Adds the time from the last change to `now` to the state `a` is in (and,
// when blocked, to what it is blocked in). `a` is not Off.
void charge_current_state(GilAccount& a, std::int64_t now) {
  std::int64_t d = now - a.since_ns;
  a.ns[static_cast<int>(a.state)] += d;
  if ((a.state == RunState::Io || a.state == RunState::Lock) && a.what != nullptr) add_to(a.blocked_in, a.what, d);
}

// Moves `ts` into state `next` at time `now`, adding the time since the
// last change to the state it leaves. Under g.mu.
void enter_state(Gil& g, ThreadState& ts, RunState next, const char* what, std::int64_t now) {
  GilAccount& a = ts.acct;
  if (a.state != RunState::Off) {
    charge_current_state(a, now);
    if (g.observer != nullptr)
      g.observer->slice(a.serial, a.since_ns, now, a.state, a.what,
                        a.state == RunState::Running || a.state == RunState::Waiting ? std::string() : a.where);
  } else if (a.serial == 0) {
    a.serial = g.totals.next_serial++;
    a.start_ns = now;
    if (g.totals.start_ns == 0) g.totals.start_ns = now;
  }
  a.state = next;
  a.since_ns = now;
  a.what = what;
  if (g.observer != nullptr && (next == RunState::Io || next == RunState::Lock)) a.where = where_of(ts);
}

// The holder `h` is releasing at `now`: every waiting thread waited for it
// since it took the GIL (or since the waiter began waiting, if later).
void charge_waiters(Gil& g, ThreadState& h, std::int64_t now) {
  for (ThreadState* w : g.waiting) {
    std::int64_t from = std::max(w->acct.wait_began_ns, g.totals.holder_since_ns);
    if (now > from) add_to(w->acct.waited_for, h.acct.serial, now - from);
  }
}

}  // namespace

void gil_take(ThreadState& ts) {
  Interpreter& in = ts.interp;
  Gil& g = in.gil;
  if (g.mode.load(std::memory_order_relaxed) == GilMode::Off) {
    ts.holds_gil = true;
    return;
  }
  std::unique_lock<std::mutex> lk(g.mu);
  GilAccount& a = ts.acct;
  std::int64_t now = gil_clock_ns();
  // Seeded mode names the next holder while it is still asleep (sched.h):
  // the GIL is then locked, but for this thread.
  const bool seeded = g.mode.load(std::memory_order_relaxed) == GilMode::Seeded;
  auto taken_by_other = [&] { return g.locked && g.holder != &ts; };
  if (taken_by_other()) {
    if (seeded) sched_make_ready(g.sched, &ts);
    enter_state(g, ts, RunState::Waiting, nullptr, now);
    a.wait_began_ns = now;
    g.waiting.push_back(&ts);
    if (g.observer != nullptr) g.observer->waiting_count(now, static_cast<int>(g.waiting.size()));
    ++g.waiters;
    while (taken_by_other()) {
      if (seeded) {
        // No drop requests: only the scheduler names the next holder.
        g.released.wait(lk, [&] { return !taken_by_other(); });
        break;
      }
      std::uint64_t seen = g.switch_number;
      auto interval = std::chrono::microseconds(g.interval_us.load(std::memory_order_relaxed));
      bool got = g.released.wait_for(lk, interval, [&] { return !taken_by_other(); });
      if (!got && g.switch_number == seen && g.mode.load(std::memory_order_relaxed) == GilMode::Interval) {
        // Waited a whole interval and nobody switched: ask the holder to drop.
        in.eval_breaker.fetch_or(kBreakGilDrop, std::memory_order_relaxed);
        if (g.totals.drop_request_ns == 0) {
          g.totals.drop_request_ns = gil_clock_ns();
          g.totals.drop_requester = a.serial;
          ++g.totals.drop_requests;
          ++a.drop_requests;
          if (g.observer != nullptr)
            g.observer->drop_request(g.totals.drop_request_ns, a.serial, g.holder ? g.holder->acct.serial : 0);
        }
      }
    }
    --g.waiters;
    now = gil_clock_ns();
    std::erase(g.waiting, &ts);
    if (g.observer != nullptr) g.observer->waiting_count(now, static_cast<int>(g.waiting.size()));
    a.longest_wait_ns = std::max(a.longest_wait_ns, now - a.wait_began_ns);
    a.wait_began_ns = 0;
  }
  if (seeded) std::erase(g.sched.ready, &ts);  // it may have found the GIL free
  enter_state(g, ts, RunState::Running, nullptr, now);
  ++a.acquisitions;
  g.locked = true;
  g.holder = &ts;
  g.totals.holder_since_ns = now;
  if (g.totals.last_holder != a.serial) {
    // The previous holder may have ended since: only its serial is kept.
    if (g.totals.last_holder != 0) {
      ++g.totals.switches;
      if (g.last_drop_forced) ++g.totals.forced_switches;
      if (g.observer != nullptr) g.observer->gil_switch(now, g.totals.last_holder, a.serial, g.last_drop_forced);
    }
    g.totals.last_holder = a.serial;
    ++g.switch_number;
  }
  // A drop request was for the previous holder; waiters still waiting will
  // ask again after their interval.
  in.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakGilDrop), std::memory_order_relaxed);
  g.totals.drop_request_ns = 0;
  ts.holds_gil = true;
  lk.unlock();
  g.switched.notify_all();
}

void gil_drop(ThreadState& ts, bool forced, BlockedIn next) {
  Gil& g = ts.interp.gil;
  ts.holds_gil = false;
  if (g.mode.load(std::memory_order_relaxed) == GilMode::Off) return;
  std::unique_lock<std::mutex> lk(g.mu);
  if (g.holder != &ts) {
    std::fprintf(stderr, "gilvm: fatal: a thread released a GIL it did not hold\n");
    std::abort();
  }
  GilAccount& a = ts.acct;
  std::int64_t now = gil_clock_ns();
  charge_waiters(g, ts, now);
  if (forced) {
    ++a.forced_drops;
    if (g.totals.drop_request_ns != 0) {
      std::int64_t y = now - g.totals.drop_request_ns;
      a.yield_sum_ns += y;
      a.yield_max_ns = std::max(a.yield_max_ns, y);
      ++a.yields;
    }
  } else if (next.state != RunState::Off && next.state != RunState::Waiting) {
    ++a.releases;
  }
  if (next.state == RunState::Off) {
    a.name = ts.name;
    a.end_ns = now;
    if (g.observer != nullptr) g.observer->thread_name(a.serial, ts.name);
  }
  enter_state(g, ts, forced ? RunState::Waiting : next.state, forced ? nullptr : next.what, now);
  g.last_drop_forced = forced;
  g.locked = false;
  g.holder = nullptr;
  if (g.mode.load(std::memory_order_relaxed) == GilMode::Seeded) {
    // The scheduler names the next holder; wake every waiter so that one
    // sees it is named. No hand-off wait: nobody else may take the GIL.
    sched_hand_over(g, ts, forced, next);
    g.released.notify_all();
    return;
  }
  g.released.notify_one();
  if (forced && g.waiters > 0) {
    // Hand-off: do not race the waiter for the lock we just gave up.
    std::uint64_t seen = g.switch_number;
    g.switched.wait(lk, [&] { return g.switch_number != seen || g.waiters == 0; });
  }
}

void gil_yield(ThreadState& ts) {
  Gil& g = ts.interp.gil;
  GilMode mode = g.mode.load(std::memory_order_relaxed);
  if (mode == GilMode::Off) return;
  if (mode == GilMode::Legacy) {
    // CPython 2: release and immediately try to retake, no hand-off.
    gil_drop(ts, false, {RunState::Waiting, nullptr});
    gil_take(ts);
    return;
  }
  gil_drop(ts, true);
  gil_take(ts);
}

namespace {
// Seeded mode keeps the GIL across writes to files and the standard streams
// so that threads that print stay deterministic (sched.h).
bool keeps_gil(const ThreadState& ts, const BlockedIn& in) {
  return ts.interp.gil.mode.load(std::memory_order_relaxed) == GilMode::Seeded && in.what != nullptr &&
         std::string_view(in.what) == "file write";
}
}  // namespace

ReleaseGil::ReleaseGil(ThreadState& ts, BlockedIn in) : ts_(ts), released_(ts.holds_gil && !keeps_gil(ts, in)) {
  if (released_) gil_drop(ts_, false, in);
}

ReleaseGil::~ReleaseGil() {
  if (released_) gil_take(ts_);
}

GilSnapshot gil_snapshot(Interpreter& interp) {
  Gil& g = interp.gil;
  GilSnapshot s;
  std::lock_guard<std::mutex> interp_lk(interp.threads_mu);
  std::lock_guard<std::mutex> lk(g.mu);
  s.now_ns = gil_clock_ns();
  s.totals = g.totals;
  s.threads = g.totals.finished;
  s.totals.finished.clear();
  for (ThreadState* t : interp.threads) {
    if (t->acct.serial == 0) continue;  // not started yet
    GilAccount a = t->acct;
    a.name = t->name;
    if (a.state != RunState::Off) {
      charge_current_state(a, s.now_ns);
      if (a.state == RunState::Waiting) a.longest_wait_ns = std::max(a.longest_wait_ns, s.now_ns - a.wait_began_ns);
    }
    s.threads.push_back(std::move(a));
  }
  std::sort(s.threads.begin(), s.threads.end(),
            [](const GilAccount& x, const GilAccount& y) { return x.serial < y.serial; });
  s.holder = g.holder != nullptr ? g.holder->acct.serial : 0;
  for (ThreadState* w : g.waiting) s.waiters.push_back(w->acct.serial);
  return s;
}

void gil_forget_thread(ThreadState& ts) {
  Gil& g = ts.interp.gil;
  std::lock_guard<std::mutex> lk(g.mu);
  if (ts.acct.serial == 0) return;
  GilAccount a = ts.acct;
  if (a.state != RunState::Off) {
    // The main thread at exit: close its last state now.
    std::int64_t now = gil_clock_ns();
    charge_current_state(a, now);
    a.state = RunState::Off;
    a.end_ns = now;
  }
  if (a.name.empty()) a.name = ts.name;
  g.totals.finished.push_back(std::move(a));
}

void gil_reinit_after_fork(ThreadState& ts) {
  Gil& g = ts.interp.gil;
  // The parent's threads may have been inside these at the fork; their
  // state in the child is whatever those threads left. Construct new ones
  // over them (the old ones are never destroyed: destroying a mutex some
  // vanished thread held is undefined).
  new (&g.mu) std::mutex;
  new (&g.released) std::condition_variable;
  new (&g.switched) std::condition_variable;
  g.locked = true;
  g.holder = &ts;
  g.last_drop_forced = false;
  g.switch_number = 0;
  g.waiters = 0;
  g.waiting.clear();
  g.observer = nullptr;
  g.legacy_countdown.store(kLegacyCheckInterval, std::memory_order_relaxed);
  // --sched=seed:N: the vanished threads are neither ready nor blocked; the
  // generator goes on from where the parent's was.
  g.sched.ready.clear();
  g.sched.blocked.clear();
  g.sched.ticks = 0;
  g.sched.holds = 0;
  g.sched.handoffs.clear();
  g.totals = GilTotals{};
  ts.acct = GilAccount{};
  std::int64_t now = gil_clock_ns();
  enter_state(g, ts, RunState::Running, nullptr, now);
  ++ts.acct.acquisitions;
  g.totals.holder_since_ns = now;
  g.totals.last_holder = ts.acct.serial;
  ts.holds_gil = true;
  ts.interp.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakGilDrop), std::memory_order_relaxed);
}

void gil_assert_held(ThreadState& ts) {
  if (!ts.holds_gil) {
    std::fprintf(stderr, "gilvm: fatal: heap touched without the GIL\n");
    std::abort();
  }
}

}  // namespace gilvm
