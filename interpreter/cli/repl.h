// The interactive loop (python's REPL): `gilvm` with a terminal on stdin,
// and `gilvm -i` after the program.
//
// Each entry is read line by line (`>>> `, then `... ` while the parser says
// the input is incomplete; a compound statement ends at a blank line) and
// run in __main__'s dict with exec_source(..., interactive=true), which
// echoes an expression's repr and binds it to builtins._. An exception is
// printed as a traceback and the loop goes on; SystemExit (exit(), quit(),
// sys.exit()) ends it with its status; end of input (Ctrl-D) ends it with 0.
//
// On a terminal the lines come from GNU readline: history in
// $HOME/.gilvm_history (kept across sessions, capped), tab completion
// (cli/completion.h), Ctrl-C cancelling the line or block being typed.
// Otherwise (`gilvm -i` with stdin a pipe or file) lines are read from
// sys.stdin without readline, and the prompts go to stderr, as python does.
#pragma once

#include "vm/interp.h"

namespace gilvm::cli {

struct ReplOptions {
  bool banner = true;  // print the version line first
};

// Runs the loop on the current thread; returns the process exit status.
int run_repl(ThreadState& ts, const ReplOptions& options);

// Called by the SIGINT handler (async-signal-safe): wakes a REPL waiting
// for a key, whichever thread the signal was delivered to.
void repl_wake_on_signal();

}  // namespace gilvm::cli
