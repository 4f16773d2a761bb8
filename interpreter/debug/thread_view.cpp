// The stepper's views of threads and of the GIL: `threads` and `gil`.
// Read with the GIL held by the paused thread; the other threads' frames
// do not move meanwhile (vm/interp.h), and their GIL accounts are read
// under Gil::mu, as gil_snapshot reads them.
#include <fmt/format.h>

#include <algorithm>
#include <mutex>

#include "debug/stepper.h"

namespace gilvm::debug {

namespace {

std::string display_name(const ThreadState& t) {
  return t.name.empty() ? "thread " + std::to_string(t.acct.serial) : t.name;
}

// What thread `t` is doing, in words. Under Gil::mu. Under the seeded
// scheduler `ready` is the truth about who waits for the GIL: a thread
// made ready may not have reached gil_take yet, and that moment is the
// OS's, not the program's.
std::string state_of(const Gil& g, const ThreadState& t) {
  if (g.holder == &t) return "running (holds the GIL)";
  if (g.mode.load(std::memory_order_relaxed) == GilMode::Seeded &&
      std::find(g.sched.ready.begin(), g.sched.ready.end(), &t) != g.sched.ready.end())
    return "waiting for the GIL";
  switch (t.acct.state) {
    case RunState::Running: return "running";
    case RunState::Waiting: return "waiting for the GIL";
    case RunState::Io:
    case RunState::Lock: return std::string("blocked in ") + (t.acct.what != nullptr ? t.acct.what : "native code");
    case RunState::Off: return t.frame == nullptr ? "not started" : "ending";
  }
  return "?";
}

std::string where_of(const ThreadState& t) {
  const Frame* f = t.frame;
  if (f == nullptr || f->code == nullptr) return "-";
  std::string file = f->code->filename != nullptr ? f->code->filename->s : "?";
  return file + ":" + std::to_string(f->line()) + " in " + (f->code->name != nullptr ? f->code->name->s : "?");
}

// Every live thread, by serial. Under threads_mu.
std::vector<ThreadState*> by_serial(Interpreter& in) {
  std::vector<ThreadState*> v(in.threads.begin(), in.threads.end());
  std::sort(v.begin(), v.end(), [](const ThreadState* a, const ThreadState* b) { return a->acct.serial < b->acct.serial; });
  return v;
}

}  // namespace

ThreadState* find_thread(Interpreter& in, int serial) {
  std::lock_guard<std::mutex> lk(in.threads_mu);
  for (ThreadState* t : in.threads)
    if (t->acct.serial == serial) return t;
  return nullptr;
}

std::string thread_name(Interpreter& in, int serial) {
  ThreadState* t = find_thread(in, serial);
  return t != nullptr ? display_name(*t) : "";
}

std::string threads_view(Stepper& st) {
  Interpreter& in = st.interp();
  std::lock_guard<std::mutex> tl(in.threads_mu);
  std::lock_guard<std::mutex> lk(in.gil.mu);
  std::vector<ThreadState*> threads = by_serial(in);
  // A thread that has returned from its function is gone for the program
  // (threading.enumerate() no longer has it); when its OS thread deletes
  // its state is the OS's moment, so listing it would vary run to run.
  std::erase_if(threads, [](const ThreadState* t) {
    return t->acct.serial == 0 || t->finishing.load(std::memory_order_acquire);
  });
  std::size_t name_width = 4;
  for (ThreadState* t : threads) name_width = std::max(name_width, display_name(*t).size());
  std::string text = fmt::format("   {:>3}  {:<{}}  {:<28}  {}\n", "id", "name", name_width, "state", "at");
  for (ThreadState* t : threads) {
    std::string mark = std::string(in.gil.holder == t ? "*" : " ") + (t->acct.serial == st.focus_serial() ? ">" : " ");
    text += fmt::format("{} {:>3}  {:<{}}  {:<28}  {}\n", mark, t->acct.serial, display_name(*t), name_width,
                        state_of(in.gil, *t), where_of(*t));
  }
  return text + "(* holds the GIL, > focused; t N focuses thread N)\n";
}

std::string gil_view(Stepper& st) {
  Interpreter& in = st.interp();
  std::lock_guard<std::mutex> tl(in.threads_mu);
  Gil& g = in.gil;
  std::lock_guard<std::mutex> lk(g.mu);
  GilMode mode = g.mode.load(std::memory_order_relaxed);
  if (mode == GilMode::Off) return "no GIL (--gil=off)\n";
  auto names = [](const std::vector<ThreadState*>& v) {
    std::string s;
    for (const ThreadState* t : v) s += (s.empty() ? "" : ", ") + display_name(*t);
    return s.empty() ? std::string("none") : s;
  };
  std::string text = "holder:   " + (g.holder != nullptr ? display_name(*g.holder) : std::string("none")) + "\n";
  text += "waiting:  " + names(mode == GilMode::Seeded ? g.sched.ready : g.waiting) + "\n";
  if (mode == GilMode::Seeded) {
    std::string blocked;
    for (const SchedBlocked& b : g.sched.blocked)
      blocked += (blocked.empty() ? "" : ", ") + display_name(*b.ts) + " in " + b.what;
    text += "on locks: " + (blocked.empty() ? std::string("none") : blocked) + "\n";
  }
  text += fmt::format("switches: {} ({} forced)\n", g.totals.switches, g.totals.forced_switches);
  if (mode == GilMode::Seeded)
    text += fmt::format("next forced switch: after {} more ticks (seed {}; a tick is a loop back edge or a call)\n",
                        g.sched.quantum > g.sched.ticks ? g.sched.quantum - g.sched.ticks : 0, g.sched.seed);
  else
    text += fmt::format("switch interval: {:.1f} ms ({})\n", g.interval_us.load() / 1000.0, gil_mode_name(mode));
  return text;
}

}  // namespace gilvm::debug
