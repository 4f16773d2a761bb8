// The command-line driver (cli/cli.cpp): option parsing and the run modes.
// The interactive loop is cli/repl.h.
#pragma once

namespace gilvm::cli {

// `gilvm --version`, and the first line of the REPL's banner.
inline constexpr const char* kVersion = "gilvm 0.1.0 (a Python 3.11 subset with a real GIL)";

// Runs gilvm as `argv` asks; returns the process exit status.
int main(int argc, char** argv);

}  // namespace gilvm::cli
