// Waiting for threads at exit, not destroying the heap under daemon
// threads, and the deadlock report; the design is in shutdown.h.
#include "vm/shutdown.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "runtime/file.h"
#include "trace/reports.h"
#include "vm/api.h"
#include "vm/run.h"

namespace gilvm {

std::optional<int> wait_for_threads(ThreadState& ts, int status) {
  Interpreter& in = ts.interp;
  Value mod = dict_get_cstr(in, in.modules, "threading");
  Module* m = as_module(mod);
  if (m == nullptr) return std::nullopt;
  const bool interrupted = status == 130;
  Value fn = dict_get_cstr(in, m->dict, interrupted ? "_run_exit_hooks" : "_shutdown");
  if (fn.is_null()) return std::nullopt;
  TempRoot root(ts, fn);
  if (interrupted) {
    // No thread is joined, but the exit hooks still run: multiprocessing
    // ends and reaps its children rather than leave them running.
    Value arg = Value::from_bool(true);
    if (call(ts, fn, {&arg, 1}).is_fail()) print_exception(ts, take_exception(ts));
    return std::nullopt;
  }
  in.deadlock.main_at_exit = true;  // for a deadlock report (GIL held: the reporter reads it with it)
  Value r = call(ts, fn, {});
  in.deadlock.main_at_exit = false;
  if (!r.is_fail()) return std::nullopt;
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

// The thread's name as threading knows it (see shutdown.h). Reads the heap
// and runs no Python code: every other thread is blocked, and code run here
// could block too.
std::string thread_name(Interpreter& in, const ThreadState* t) {
  if (Module* m = as_module(dict_get_cstr(in, in.modules, "threading")); m != nullptr && t->ident != 0) {
    if (Dict* active = as_dict(dict_get_cstr(in, m->dict, "_active"))) {
      Value thread;
      dict_for_each(active, [&](Value k, Value v) {
        if (k.is_int() && static_cast<std::uint64_t>(k.as_int()) == t->ident) thread = v;
      });
      Instance* inst = as_kind<Instance, Kind::Instance>(thread);
      if (inst != nullptr && inst->dict != nullptr)
        if (Str* name = as_str(dict_get_cstr(in, inst->dict, "_name"))) return name->s;
    }
  }
  if (!t->name.empty()) return t->name;
  return std::to_string(t->ident);
}

std::string format_blocked_thread(Interpreter& in, const BlockedThread& b) {
  const ThreadState* t = b.ts;
  std::string name = thread_name(in, t);
  std::string out = "Thread " + name + " (blocked in " + b.what;
  if (t->is_main && in.deadlock.main_at_exit) out += ", at exit, joining the non-daemon threads";
  out += "):\n";
  std::vector<const Frame*> frames;
  for (const Frame* f = t->frame; f != nullptr; f = f->prev)
    if (f->code != nullptr) frames.push_back(f);
  if (frames.empty()) out += "  (no Python frames)\n";
  for (auto it = frames.rbegin(); it != frames.rend(); ++it) {
    const Frame* f = *it;
    int line = f->ip != nullptr ? f->line() : f->code->firstline;
    out += format_traceback_entry(in, f->code, line);
  }
  return out;
}

}  // namespace

[[noreturn]] void report_deadlock(ThreadState& ts, std::span<const BlockedThread> blocked) {
  Interpreter& in = ts.interp;
  // Prior output first: what the program printed before it stopped.
  flush_stdout(ts);
  flush_all_files(in);
  std::vector<BlockedThread> order(blocked.begin(), blocked.end());
  std::stable_partition(order.begin(), order.end(), [](const BlockedThread& b) { return b.ts->is_main; });
  std::string text = "gilvm: deadlock: every thread is blocked forever\n";
  for (const BlockedThread& b : order) text += "\n" + format_blocked_thread(in, b);
  // Straight to fd 2: a replaced sys.stderr would run Python code.
  std::size_t off = 0;
  while (off < text.size()) {
    ssize_t n = ::write(2, text.data() + off, text.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    off += static_cast<std::size_t>(n);
  }
  finish_gil_reports(ts);  // the statistics and trace of the run that deadlocked
  std::_Exit(1);
}

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
    ReleaseGil released(ts, {RunState::Lock, "exit: waiting for threads"});
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  exit_now(ts, status);
}

}  // namespace gilvm
