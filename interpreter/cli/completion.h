// Tab completion for the REPL (cli/repl.cpp), as CPython's rlcompleter does
// it: names (keywords, the globals of __main__, builtins) and attributes
// after a dot. `obj.at<TAB>` resolves `obj` only when it is a plain dotted
// name already bound, by dict lookups alone: completion never runs Python
// code (no properties, no __getattr__, no __dir__).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vm/interp.h"

namespace gilvm::cli {

// The completions of `word` (the text before the cursor back to the last
// delimiter, e.g. "pri" or "os.pa"), each the whole replacement word:
// "print(" for a callable, "while " for a keyword, "os.path" for an
// attribute. Sorted, without duplicates. `globals` is __main__'s dict.
std::vector<std::string> complete_word(ThreadState& ts, Dict* globals, std::string_view word);

// Hooks complete_word into GNU readline (the characters that break words,
// TAB inserting an indent on a blank line), completing in __main__'s
// globals. The REPL calls it once.
void install_readline_completion(ThreadState& ts);

}  // namespace gilvm::cli
