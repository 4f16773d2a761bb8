// The command-line driver (cli/cli.cpp): option parsing and the run modes.
#pragma once

namespace gilvm::cli {

// Runs gilvm as `argv` asks; returns the process exit status.
int main(int argc, char** argv);

}  // namespace gilvm::cli
