// Running programs: the __main__ module, uncaught exceptions printed as
// CPython prints them (traceback, chained exceptions, SyntaxError carets),
// and the exit status they imply (SystemExit's code, 1, or 130 for Ctrl-C).
#pragma once

#include <string>
#include <string_view>

#include "vm/interp.h"

namespace gilvm {

// Creates sys.modules['__main__'] (with __file__ when `file` is non-empty)
// and returns its dict.
Dict* main_module_dict(ThreadState& ts, std::string_view file);

// Runs source as the __main__ module. Returns Value::none() or Fail.
Value run_main_source(ThreadState& ts, std::string_view source, const std::string& filename);

// Prints the pending exception (taking it) the way CPython's default
// excepthook does, and returns the exit status it implies. SystemExit is not
// printed as a traceback: its code becomes the status (and a non-int code
// is printed to stderr).
int report_uncaught(ThreadState& ts);

// Prints `exc` with its traceback and chain to stderr.
void print_exception(ThreadState& ts, Value exc);

// The text print_exception writes: "Traceback (most recent call last):"...
// and the chain (for threading.excepthook and _thread's report).
std::string format_exception(ThreadState& ts, Value exc);

// One entry of a traceback as CPython prints it: `  File "F", line N, in
// NAME` and the source line, stripped (for tracebacks and the deadlock report).
std::string format_traceback_entry(Interpreter& in, const CodeObject* code, int line);

// Writes text to sys.stderr (a replaced one through its write method), or
// to fd 2 after flushing stdout.
void write_stderr(ThreadState& ts, const std::string& text);

// Writes to file descriptor 2 directly: for callers that may not run Python
// code (the collector).
void write_raw_stderr(const std::string& text);

}  // namespace gilvm
