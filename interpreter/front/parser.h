// The parser: source text in, an AST (front/ast.h) or a SyntaxError out.
//
// A hand-written recursive-descent parser over the token stream of
// front/lexer.h, following the Python Language Reference grammar for the
// subset gilvm supports (docs/design.md §2). Constructs outside the subset that are
// still valid Python (match, walrus, except*, ...) are refused by name, so a
// person learns that gilvm, not their program, is the limit.
#pragma once

#include <string>
#include <string_view>

#include "front/ast.h"

namespace gilvm::front {

// Everything needed to print a Python-style syntax error:
//     File "t.py", line 3
//       x = (1 +
//            ^
//   SyntaxError: '(' was never closed
struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // or "IndentationError", "TabError"
  std::string message;
  std::string filename;
  int line = 0;       // 1-based
  int col = 0;        // 0-based column, in code points, of the caret
  int end_col = 0;    // one past the last caret column (end_col <= col: one caret)
  std::string source_line;  // the offending line, without its newline
  // True when the input ended inside an open bracket, a triple-quoted string
  // or an indented block: the REPL then asks for another line ("... ").
  bool incomplete = false;
};

enum class ParseMode {
  File,         // a module: statements up to end of input
  Interactive,  // one REPL entry: a simple statement or a compound one
  Eval,         // a single expression (the stepper's `p EXPR`)
};

struct ParseResult {
  bool ok = false;
  Module module;            // for File and Interactive
  ExprP expression;         // for Eval
  SyntaxErrorInfo error;    // when !ok
};

[[nodiscard]] ParseResult parse(std::string_view source, std::string filename, ParseMode mode);

}  // namespace gilvm::front
