// Interpreter exit with threads running (as CPython's Py_FinalizeEx begins
// with wait_for_thread_shutdown()).
//
// At exit the main thread, still holding the GIL, first calls
// threading._shutdown() when the program imported threading: it joins
// every non-daemon thread (their join releases the GIL, so they finish).
// Then, after the streams are flushed, daemon threads may still be running
// or blocked anywhere — in a sleep, a lock wait, waiting for the GIL. The
// interpreter must not destroy the heap, the GIL or the thread list under
// them, so exit_if_threads_remain() ends the process at once with
// std::_Exit when any such thread exists (CPython instead freezes daemon
// threads when they next try to take the GIL; ending the process is the
// same to the program). Threads that have already returned from their
// function and are only deleting their state are waited for, so the usual
// exit stays the ordinary, destructor-running path.
//
// A deadlock ends the process too. When modules/thread.cpp finds every
// thread blocked forever on a lock (the detection and why it is sound are
// explained there), the thread that found it takes the GIL and calls
// report_deadlock(): stdout is flushed, and stderr gets
//
//   gilvm: deadlock: every thread is blocked forever
//
//   Thread MainThread (blocked in Lock.acquire):
//     File "x.py", line 12, in <module>
//       t.join()
//     ...
//
// with one such section per thread, the main thread first, each stack
// outermost call first as in a traceback. Names are threading's (the
// Thread's _name, read from threading._active without running any Python
// code), else the name the thread gave _thread._set_name, else `Thread
// IDENT` for a thread started with bare _thread. Then open files are
// flushed and the process ends with status 1 at once: the at-exit join of
// non-daemon threads would wait forever.
#pragma once

#include <optional>
#include <span>

#include "vm/interp.h"

namespace gilvm {

// Calls sys.modules['threading']._shutdown() if threading was imported.
// An exception from it (Ctrl-C while waiting) is printed; the result is
// then the exit status it implies (130 for KeyboardInterrupt), else nullopt.
// When the program itself ended with Ctrl-C (`status` 130) nothing is
// waited for: the user asked to stop, and a second wait for the same
// threads would hang where CPython hangs (SPEC: exit 130 without hanging).
// Only threading._run_exit_hooks(True) runs then (multiprocessing
// terminates and reaps its children there).
std::optional<int> wait_for_threads(ThreadState& ts, int status);

// Call with the GIL held, after flushing the standard streams. Returns when
// no other thread is left; otherwise flushes every open file and ends the
// process with `status`.
void exit_if_threads_remain(ThreadState& ts, int status);

// A thread blocked forever, for the report.
struct BlockedThread {
  ThreadState* ts;
  const char* what;  // the call it waits in: "Lock.acquire"
};

// Call with the GIL held, every other thread blocked forever (so their
// frames do not change). Prints the report above and ends the process with
// status 1.
[[noreturn]] void report_deadlock(ThreadState& ts, std::span<const BlockedThread> blocked);

}  // namespace gilvm
