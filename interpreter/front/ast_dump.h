// A compact, deterministic text form of the AST, for tests and debugging
// (the compiler does not use it).
//
// S-expressions named after the node kinds of front/ast.h:
//     x = a + 1          (Assign (Name x) = (BinOp Add (Name a) (Int 1)))
//     f(*a, k=1)         (Expr (Call (Name f) (Starred (Name a)) (= k (Int 1))))
//     -2 ** 2            (Expr (UnaryOp Neg (BinOp Pow (Int 2) (Int 2))))
// Leaves: (Name x), (Int <text as written>), (Float <repr>), (Str '...'),
// (Bytes b'...'), and the bare atoms True False None Ellipsis. Absent
// optional children print as `_`. Statement bodies are (body ...), else
// branches (orelse ...) and are omitted when empty. A Module prints one
// statement per line. Float repr and string quoting follow Python's repr,
// so a Python script can produce the same text from `ast` for comparison.
//
// With DumpLocs::Yes every expression and statement also shows its source
// range, `@line:col-end_line:end_col`, before its closing parenthesis
// (atoms are then parenthesised too: (True @1:0-1:4)).
#pragma once

#include <string>

#include "front/ast.h"

namespace gilvm::front {

enum class DumpLocs { No, Yes };

[[nodiscard]] std::string dump(const Module& module, DumpLocs locs = DumpLocs::No);
[[nodiscard]] std::string dump(const Stmt& stmt, DumpLocs locs = DumpLocs::No);
[[nodiscard]] std::string dump(const Expr& expr, DumpLocs locs = DumpLocs::No);

// Python's repr() of a float ("1.0", "1e+16", "0.1", "inf", "nan").
[[nodiscard]] std::string float_repr(double value);

}  // namespace gilvm::front
