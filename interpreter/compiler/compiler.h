// The compiler: an AST (front/ast.h) in, a CodeObject out.
//
// One pass over each scope's statements, after the scope analysis of
// symtable.h. Control flow uses labels patched at the end; try/except/
// finally and with use the exception table (code.h); break, continue and
// return unwind the enclosing blocks at compile time, inlining finally
// bodies, as CPython 3.11's Python/compile.c does with its "fblock" stack.
#pragma once

#include <string>

#include "front/parser.h"
#include "vm/interp.h"

namespace gilvm::compiler {

enum class Mode {
  Module,       // a file or -c: statements, the module's namespace
  Interactive,  // one REPL entry: expression statements echo their value
  Eval,         // one expression, whose value the code returns
};

struct CompileResult {
  CodeObject* code = nullptr;  // on success; the caller roots it before running anything
  front::SyntaxErrorInfo error;
};

// Compiles a parsed module. Errors (e.g. 'return' outside function) come
// back with file, line and column like the parser's.
[[nodiscard]] CompileResult compile(Interpreter& interp, const front::Module& module,
                                    const std::string& filename, Mode mode);
// Compiles one expression (from ParseMode::Eval) into code that returns its value.
[[nodiscard]] CompileResult compile_expression(Interpreter& interp, front::ExprP expr,
                                               const std::string& filename);

}  // namespace gilvm::compiler
