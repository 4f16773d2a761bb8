// tests/unit/test_gil.cpp — the GIL (vm/gil.h) driven directly, without the
// eval loop: real OS threads (std::thread), each with its own ThreadState,
// take, yield, drop and release the GIL the way the eval loop and the
// blocking natives do. A "safe point" here is the eval loop's check: one
// relaxed load of the eval breaker and, when kBreakGilDrop is set, a call
// of gil_yield. The tests also pass under ThreadSanitizer, which checks that
// the GIL orders the plain memory accesses made while it is held.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>

#include "vm/gil.h"
#include "vm/interp.h"

using namespace gilvm;
using Clock = std::chrono::steady_clock;

namespace {

// What the eval loop does at a back edge or a call.
void safe_point(ThreadState& ts) {
  if (ts.interp.eval_breaker.load(std::memory_order_relaxed) & kBreakGilDrop) gil_yield(ts);
}

std::uint64_t switch_number(Interpreter& in) {
  std::lock_guard<std::mutex> lk(in.gil.mu);
  return in.gil.switch_number;
}

}  // namespace

TEST_CASE("two threads spinning on the GIL take turns", "[gil]") {
  Interpreter in;
  in.gil.interval_us.store(1000);  // 1 ms
  std::atomic<bool> stop{false};
  std::uint64_t turns[2] = {0, 0};  // each written only by its thread, under the GIL
  auto spin = [&](int id) {
    ThreadState ts(in, ThreadState::kThreadStackValues);
    gil_take(ts);
    std::uint64_t last = switch_number(in);
    while (!stop.load(std::memory_order_relaxed)) {
      safe_point(ts);
      std::uint64_t now = in.gil.switch_number;  // read under the GIL
      if (now != last) {
        ++turns[id];
        last = now;
      }
    }
    gil_drop(ts, false);
  };
  std::uint64_t before = switch_number(in);
  std::thread a(spin, 0), b(spin, 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  stop = true;
  a.join();
  b.join();
  std::uint64_t switches = switch_number(in) - before;
  // ~300 intervals of 1 ms; a loaded 2-core machine still gives dozens.
  CHECK(switches >= 10);
  CHECK(turns[0] >= 3);
  CHECK(turns[1] >= 3);
}

TEST_CASE("a thread inside ReleaseGil lets another thread take the GIL", "[gil]") {
  Interpreter in;
  std::atomic<bool> released{false}, other_ran{false};
  bool a_holds_after = false;
  std::thread a([&] {
    ThreadState ts(in, ThreadState::kThreadStackValues);
    gil_take(ts);
    {
      ReleaseGil r(ts);
      CHECK_FALSE(ts.holds_gil);
      released = true;
      // Blocked "in IO" until the other thread has run with the GIL.
      while (!other_ran.load()) std::this_thread::yield();
    }
    a_holds_after = ts.holds_gil;
    gil_drop(ts, false);
  });
  std::thread b([&] {
    ThreadState ts(in, ThreadState::kThreadStackValues);
    while (!released.load()) std::this_thread::yield();
    auto t0 = Clock::now();
    gil_take(ts);  // must not wait for the released section to end
    CHECK(Clock::now() - t0 < std::chrono::seconds(1));
    CHECK(ts.holds_gil);
    other_ran = true;
    gil_drop(ts, false);
  });
  a.join();
  b.join();
  CHECK(a_holds_after);
}

TEST_CASE("a holder asked to drop yields at its next safe point", "[gil]") {
  Interpreter in;
  in.gil.interval_us.store(2000);  // 2 ms
  std::atomic<bool> holder_ready{false}, waiter_got{false};
  std::atomic<std::uint64_t> safe_points_after_request{0};
  std::thread holder([&] {
    ThreadState ts(in, ThreadState::kThreadStackValues);
    gil_take(ts);
    holder_ready = true;
    std::uint64_t checks_since_request = 0;
    bool requested_seen = false;
    auto deadline = Clock::now() + std::chrono::seconds(5);
    while (!waiter_got.load() && Clock::now() < deadline) {
      bool requested = in.eval_breaker.load(std::memory_order_relaxed) & kBreakGilDrop;
      if (requested && !requested_seen) requested_seen = true;
      if (requested_seen && !waiter_got.load()) ++checks_since_request;
      if (requested) {
        gil_yield(ts);  // returns once the waiter has had the GIL and dropped it
        break;
      }
    }
    safe_points_after_request = checks_since_request;
    gil_drop(ts, false);
  });
  while (!holder_ready.load()) std::this_thread::yield();
  ThreadState ts(in, ThreadState::kThreadStackValues);
  auto t0 = Clock::now();
  gil_take(ts);  // waits one interval, sets the drop request, gets the GIL
  auto waited = Clock::now() - t0;
  waiter_got = true;
  CHECK(waited < std::chrono::seconds(1));
  {
    std::lock_guard<std::mutex> lk(in.gil.mu);
    CHECK(in.gil.holder == &ts);
  }
  gil_drop(ts, false);
  holder.join();
  // The holder yielded at the first safe point that saw the request.
  CHECK(safe_points_after_request.load() == 1);
}

TEST_CASE("the GIL gives mutual exclusion", "[gil]") {
  Interpreter in;
  in.gil.interval_us.store(200);  // many forced switches
  long counter = 0;  // plain memory: only touched while holding the GIL
  constexpr int kPerThread = 100000;
  auto work = [&] {
    ThreadState ts(in, ThreadState::kThreadStackValues);
    gil_take(ts);
    for (int i = 0; i < kPerThread; ++i) {
      long v = counter;  // a read-modify-write that would lose updates unguarded
      counter = v + 1;
      if ((i & 63) == 0) safe_point(ts);
    }
    gil_drop(ts, false);
  };
  std::thread a(work), b(work);
  a.join();
  b.join();
  CHECK(counter == 2L * kPerThread);
}

TEST_CASE("ReleaseGil on a thread that does not hold the GIL is a no-op", "[gil]") {
  Interpreter in;
  ThreadState ts(in, ThreadState::kThreadStackValues);
  {
    ReleaseGil r(ts);
    CHECK_FALSE(ts.holds_gil);
  }
  CHECK_FALSE(ts.holds_gil);
  gil_take(ts);
  {
    ReleaseGil r(ts);
    CHECK_FALSE(ts.holds_gil);
  }
  CHECK(ts.holds_gil);
  gil_drop(ts, false);
}
