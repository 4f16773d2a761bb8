// Forking the interpreter (os.fork, and multiprocessing's "fork" start
// method, which is os.fork).
//
// After fork() the child process has one thread: the one that called it.
// Everything the parent's other threads owned or were in the middle of is
// a copy frozen at an arbitrary instant, so fork_interpreter() prepares
// before the fork and repairs in the child, in one place:
//
// Before the fork (parent, GIL held):
//   * sys.stdout/sys.stderr and every open file are flushed, and C stdio
//     (the trace file) too: otherwise data buffered at the fork would be
//     written twice, once by each process (CPython's os.fork leaves this to
//     the program; multiprocessing flushes, and so does gilvm, always).
//   * threads_mu and the GIL's mutex are taken, so neither is copied in the
//     middle of a change to the thread list or the GIL's state.
// In the child:
//   * the GIL (vm/gil.cpp, gil_reinit_after_fork): new mutex and condition
//     variables; the calling thread is the holder and the only thread; the
//     accounting starts afresh (the child's own threads only);
//   * the thread list holds only the calling ThreadState, which becomes
//     the main thread (it now receives Ctrl-C, as in CPython). The other
//     ThreadStates move to Interpreter::forked_away and are never
//     destroyed (their C++ owners were on stacks that no longer run). Their
//     value stacks stay GC roots: what a vanished thread referenced is
//     kept, never freed, because freeing a lock some vanished thread was
//     waiting on would block for ever (see "What cannot be repaired"
//     below). A _thread lock a vanished thread held stays held, as in
//     CPython; waiting forever on it is reported by the deadlock detector;
//   * the deadlock detector's mutex and counters are reset;
//   * every open file's lock (runtime/file.cpp) is made new;
//   * the GIL trace: a child writes nothing to the parent's --gil-trace or
//     --gil-timeline file, and prints no --gil-stats table: the recorder
//     is detached (not closed: its FILE* is shared with the parent's) and
//     the options are cleared. The parent's trace shows its own thread
//     blocked "in child process" while it waits;
//   * the step debugger (gilvm -m step) stays with the parent: the child
//     runs unstepped (two processes reading one terminal's commands would
//     be chaos), and under --sched=seed:N the child's scheduler knows only
//     the calling thread;
//   * the threading module, if imported, forgets the vanished threads
//     (threading._after_fork, called by os.fork as CPython does).
// What cannot be repaired is not destroyed: a _thread lock's condition
// variable that a vanished thread was waiting on would block its destructor
// for ever (glibc waits for the waiters to leave), and the process's
// original main thread, which only waits for the interpreter's thread
// (cli/main.cpp), does not exist in the child. So a forked child that
// finishes its program ends, once its files are flushed, with _exit(status)
// before the interpreter is torn down (Interpreter::forked_child, cli.cpp).
#pragma once

#include <sys/types.h>

namespace gilvm {

struct ThreadState;

// fork(2) for the interpreter, with the preparation and repair above. In
// the parent returns the child's pid, in the child 0, -1 with errno set on
// failure. Call with the GIL held.
pid_t fork_interpreter(ThreadState& ts);

}  // namespace gilvm
