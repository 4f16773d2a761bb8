// Waiting for threads at exit, and not destroying the heap under daemon
// threads; the design is in shutdown.h.
#include "vm/shutdown.h"

#include <chrono>
#include <cstdlib>
#include <thread>

#include "runtime/file.h"
#include "vm/api.h"
#include "vm/run.h"

namespace gilvm {

std::optional<int> wait_for_threads(ThreadState& ts, int status) {
  Interpreter& in = ts.interp;
  if (status == 130) return std::nullopt;
  Value mod = dict_get_cstr(in, in.modules, "threading");
  Module* m = as_module(mod);
  if (m == nullptr) return std::nullopt;
  Value fn = dict_get_cstr(in, m->dict, "_shutdown");
  if (fn.is_null()) return std::nullopt;
  TempRoot root(ts, fn);
  if (!call(ts, fn, {}).is_fail()) return std::nullopt;
  Value exc = take_exception(ts);
  TempRoot eroot(ts, exc);
  if (isinstance(ts, exc, in.types.SystemExit)) return std::nullopt;
  print_exception(ts, exc);
  if (isinstance(ts, exc, in.types.KeyboardInterrupt)) return 130;
  return std::nullopt;
}

namespace {

enum class Others { None, Finishing, Running };

Others other_threads(ThreadState& ts) {
  Interpreter& in = ts.interp;
  Others r = Others::None;
  std::lock_guard<std::mutex> lk(in.threads_mu);
  for (ThreadState* t : in.threads) {
    if (t == &ts) continue;
    if (!t->finishing.load(std::memory_order_acquire)) return Others::Running;
    r = Others::Finishing;
  }
  return r;
}

[[noreturn]] void exit_now(ThreadState& ts, int status) {
  flush_all_files(ts.interp);
  flush_std_streams(ts);
  std::_Exit(status);
}

}  // namespace

void exit_if_threads_remain(ThreadState& ts, int status) {
  // A thread whose join() has returned may still be a few bytecodes from
  // the end of its function (threading's bootstrap releases the join lock
  // before it returns), and a finishing thread needs the GIL once more to
  // drop it: let them run for a moment. Threads that are still running
  // after 20 ms are daemons; one finishing gets up to a second.
  int running_checks = 0;
  for (int i = 0; i < 1000; ++i) {
    switch (other_threads(ts)) {
      case Others::None: return;
      case Others::Running:
        if (++running_checks > 20) exit_now(ts, status);
        break;
      case Others::Finishing: break;
    }
    ReleaseGil released(ts);
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  exit_now(ts, status);
}

}  // namespace gilvm
