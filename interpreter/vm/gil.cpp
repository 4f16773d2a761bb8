// The GIL's algorithm is explained in gil.h; this file is its code.
#include "vm/gil.h"

#include <cstdio>
#include <cstdlib>

#include "vm/interp.h"

namespace gilvm {

void gil_take(ThreadState& ts) {
  Interpreter& in = ts.interp;
  Gil& g = in.gil;
  if (g.mode.load(std::memory_order_relaxed) == GilMode::Off) {
    ts.holds_gil = true;
    return;
  }
  std::unique_lock<std::mutex> lk(g.mu);
  if (g.locked) {
    ++g.waiters;
    while (g.locked) {
      std::uint64_t seen = g.switch_number;
      auto interval = std::chrono::microseconds(g.interval_us.load(std::memory_order_relaxed));
      bool got = g.released.wait_for(lk, interval, [&] { return !g.locked; });
      if (!got && g.switch_number == seen && g.mode.load(std::memory_order_relaxed) == GilMode::Interval) {
        // Waited a whole interval and nobody switched: ask the holder to drop.
        in.eval_breaker.fetch_or(kBreakGilDrop, std::memory_order_relaxed);
      }
    }
    --g.waiters;
  }
  g.locked = true;
  g.holder = &ts;
  if (g.last_holder != &ts) {
    g.last_holder = &ts;
    ++g.switch_number;
  }
  // A drop request was for the previous holder; waiters still waiting will
  // ask again after their interval.
  in.eval_breaker.fetch_and(~static_cast<std::uint32_t>(kBreakGilDrop), std::memory_order_relaxed);
  ts.holds_gil = true;
  lk.unlock();
  g.switched.notify_all();
}

void gil_drop(ThreadState& ts, bool forced) {
  Gil& g = ts.interp.gil;
  ts.holds_gil = false;
  if (g.mode.load(std::memory_order_relaxed) == GilMode::Off) return;
  std::unique_lock<std::mutex> lk(g.mu);
  if (g.holder != &ts) {
    std::fprintf(stderr, "gilvm: fatal: a thread released a GIL it did not hold\n");
    std::abort();
  }
  g.locked = false;
  g.holder = nullptr;
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
    gil_drop(ts, false);
    gil_take(ts);
    return;
  }
  gil_drop(ts, true);
  gil_take(ts);
}

ReleaseGil::ReleaseGil(ThreadState& ts) : ts_(ts), released_(ts.holds_gil) {
  if (released_) gil_drop(ts_, false);
}

ReleaseGil::~ReleaseGil() {
  if (released_) gil_take(ts_);
}

void gil_assert_held(ThreadState& ts) {
  if (!ts.holds_gil) {
    std::fprintf(stderr, "gilvm: fatal: heap touched without the GIL\n");
    std::abort();
  }
}

}  // namespace gilvm
