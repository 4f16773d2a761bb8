// Every build switch of gilvm in one place (docs/style.md §14), each with what it
// does and why it exists. Override with -D on the compiler command line.
#pragma once

// Computed goto dispatch (GCC/Clang "labels as values"): each handler jumps
// straight to the next handler through a table, which predicts better than
// one shared switch. Set to 0 for a portable switch-based loop.
#ifndef GILVM_COMPUTED_GOTO
#define GILVM_COMPUTED_GOTO 1
#endif

// How many times eval_frame may be re-entered on one thread (a native that
// calls back into Python, e.g. __eq__ from a dict lookup, a generator
// resumed by a for loop) before RecursionError. Python-to-Python calls do
// not count here: they do not use the C stack. Threads running Python code
// get a C stack large enough for this depth (cli/main.cpp, modules/thread.cpp).
#ifndef GILVM_MAX_C_DEPTH
#define GILVM_MAX_C_DEPTH 3000
#endif

namespace gilvm {
constexpr int kMaxCDepth = GILVM_MAX_C_DEPTH;
}  // namespace gilvm
