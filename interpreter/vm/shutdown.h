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
#pragma once

#include <optional>

#include "vm/interp.h"

namespace gilvm {

// Calls sys.modules['threading']._shutdown() if threading was imported.
// An exception from it (Ctrl-C while waiting) is printed; the result is
// then the exit status it implies (130 for KeyboardInterrupt), else nullopt.
// When the program itself ended with Ctrl-C (`status` 130) nothing is
// waited for: the user asked to stop, and a second wait for the same
// threads would hang where CPython hangs (SPEC: exit 130 without hanging).
std::optional<int> wait_for_threads(ThreadState& ts, int status);

// Call with the GIL held, after flushing the standard streams. Returns when
// no other thread is left; otherwise flushes every open file and ends the
// process with `status`.
void exit_if_threads_remain(ThreadState& ts, int status);

}  // namespace gilvm
