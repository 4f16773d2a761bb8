// fork(2) for the interpreter; what is reset in the child and why is in
// vm/fork.h.
#include "vm/fork.h"

#include <unistd.h>

#include <cstdio>
#include <mutex>
#include <new>

#include "runtime/file.h"
#include "vm/gil.h"
#include "vm/interp.h"

namespace gilvm {

namespace {

void reinit_threads(ThreadState& ts) {
  Interpreter& in = ts.interp;
  new (&in.threads_mu) std::mutex;
  for (ThreadState* t : in.threads)
    if (t != &ts) in.forked_away.push_back(t);
  in.threads.assign(1, &ts);
  in.live_threads.store(1, std::memory_order_relaxed);
  ts.is_main = true;
  ts.finishing.store(false, std::memory_order_relaxed);
}

void reinit_deadlock_watch(ThreadState& ts) {
  DeadlockWatch& dw = ts.interp.deadlock;
  new (&dw.mu) std::mutex;
  dw.waiters.store(0, std::memory_order_relaxed);
  ++dw.epoch;
  dw.candidate = false;
  dw.reported.store(false, std::memory_order_relaxed);
  dw.main_at_exit = false;
  ts.forever_wait = ForeverWait{};
}

void detach_stepper(Interpreter& in) {
  in.step_hook = nullptr;  // the eval loop checks it on the stepping path
}

void detach_trace(Interpreter& in) {
  (void)in.trace.release();  // its FILE* belongs to the parent now
  in.config.gil_trace.clear();
  in.config.gil_timeline.clear();
  in.config.gil_stats = false;
}

}  // namespace

pid_t fork_interpreter(ThreadState& ts) {
  Interpreter& in = ts.interp;
  flush_std_streams(ts);
  flush_all_files(in);
  std::fflush(nullptr);
  // Lock order as gil_snapshot's: threads_mu, then the GIL's mutex.
  in.threads_mu.lock();
  in.gil.mu.lock();
  pid_t pid = ::fork();
  if (pid != 0) {  // the parent, or fork failed
    in.gil.mu.unlock();
    in.threads_mu.unlock();
    return pid;
  }
  // The child: both mutexes are held by this thread; they are replaced
  // below rather than unlocked.
  in.forked_child = true;
  reinit_threads(ts);
  gil_reinit_after_fork(ts);
  reinit_deadlock_watch(ts);
  detach_trace(in);
  detach_stepper(in);
  reinit_file_locks_after_fork(ts);
  return 0;
}

}  // namespace gilvm
