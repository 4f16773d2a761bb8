// The abstract syntax tree that the parser builds and the compiler walks.
//
// Shape: two "fat" node structs, Expr and Stmt, each with a kind and a fixed
// set of fields whose meaning depends on the kind (documented per kind below).
// This keeps the tree easy to build and to walk with one switch, at the cost
// of some unused fields per node; the tree lives only while one module or one
// REPL entry is compiled, so the space does not matter.
//
// Names follow CPython's Lib/ast.py node names (Python Language Reference,
// "Full Grammar specification"), so the compiler can be read beside CPython's
// Python/compile.c.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace gilvm::front {

// A position in the source: 1-based line, 0-based column in code points
// (the caret in error messages is printed under column `col`).
struct Loc {
  int line = 0;
  int col = 0;
  int end_line = 0;
  int end_col = 0;
};

struct Expr;
struct Stmt;
using ExprP = std::unique_ptr<Expr>;
using StmtP = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprP>;
using StmtList = std::vector<StmtP>;

enum class BinOp : unsigned char {
  Add, Sub, Mul, Div, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor, MatMul,
};
enum class UnaryOp : unsigned char { Neg, Pos, Invert, Not };
enum class BoolOp : unsigned char { And, Or };
enum class CmpOp : unsigned char { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

enum class ExprKind : unsigned char {
  Name,            // name
  Int,             // text: the literal as written ("0x_ff", "1_000"); the compiler converts
  Float,           // number
  Imaginary,       // number (parsed so the compiler can refuse it by name)
  Str,             // text: decoded UTF-8 (adjacent literals already concatenated)
  Bytes,           // text: the raw bytes
  JoinedStr,       // f-string: elts are Str and FormattedValue parts, in order
  FormattedValue,  // a = value, conversion = 'r' 's' 'a' or 0, b = format spec (a JoinedStr) or null
  True,
  False,
  None,
  Ellipsis,
  Tuple,           // elts (may hold Starred)
  List,            // elts (may hold Starred)
  Set,             // elts (may hold Starred)
  Dict,            // keys[i] / values[i]; a null key means `**values[i]`
  ListComp,        // a = element, comps
  SetComp,         // a = element, comps
  GeneratorExp,    // a = element, comps
  DictComp,        // a = key, b = value, comps
  BinOp,           // bin_op, a (left), b (right)
  UnaryOp,         // unary_op, a
  BoolOp,          // bool_op, elts (two or more operands)
  Compare,         // a = left, cmp_ops[i] applies between operand i and elts[i]
  IfExp,           // a = test, b = body, c = orelse  (b if a else c)
  Lambda,          // args, a = body
  Call,            // a = callee, elts = positional args (may hold Starred), keywords
  Attribute,       // a = object, name = attribute
  Subscript,       // a = object, b = index (a Slice, a Tuple of them, or any expression)
  Slice,           // a = lower, b = upper, c = step; each may be null
  Starred,         // a
  Yield,           // a = value or null
  YieldFrom,       // a
  Await,           // a
  NamedExpr,       // a = target Name, b = value
  // The patterns of a match statement (Language Reference §8.6.4), as
  // CPython's ast pattern nodes:
  MatchValue,      // a = the value: a literal, a negated number, or a dotted name
  MatchSingleton,  // a = True, False or None (compared by identity)
  MatchSequence,   // elts = subpatterns, at most one of them a MatchStar
  MatchStar,       // name = capture, empty for *_
  MatchMapping,    // keys[i]: values[i] (values are patterns); name = **rest or empty
  MatchClass,      // a = the class (Name or Attribute), elts = positional patterns,
                   // keywords = attribute=pattern
  MatchAs,         // a = pattern or null (capture / wildcard); name = capture, empty for _
  MatchOr,         // elts = alternatives
};

struct Comprehension {
  ExprP target;
  ExprP iter;
  ExprList ifs;
  bool is_async = false;
};

// `name=value` in a call; an empty name means `**value`.
struct Keyword {
  std::string name;
  ExprP value;
  Loc loc;
};

struct Param {
  std::string name;
  ExprP default_value;  // null when the parameter has no default
  Loc loc;
};

// def f(a, b=1, /, c=2, *args, d, e=3, **kw)
struct Arguments {
  std::vector<Param> positional;  // positional-only first, then the rest
  int positional_only = 0;        // how many of `positional` came before '/'
  std::string vararg;             // empty when absent
  std::vector<Param> kwonly;
  std::string kwarg;              // empty when absent
};

struct Expr {
  ExprKind kind;
  Loc loc;
  ExprP a, b, c;
  ExprList elts;
  ExprList keys;    // Dict
  ExprList values;  // Dict
  std::vector<CmpOp> cmp_ops;
  std::vector<Keyword> keywords;
  std::vector<Comprehension> comps;
  std::unique_ptr<Arguments> args;  // Lambda
  std::string name;
  std::string text;
  double number = 0;
  char conversion = 0;
  BinOp bin_op = BinOp::Add;
  UnaryOp unary_op = UnaryOp::Neg;
  BoolOp bool_op = BoolOp::And;

  Expr(ExprKind k, Loc l) : kind(k), loc(l) {}
};

enum class StmtKind : unsigned char {
  Expr,         // a
  Assign,       // targets (a = b = value: two targets), a = value
  AugAssign,    // targets[0], bin_op, a = value
  AnnAssign,    // targets[0], a = value or null (the annotation is dropped)
  Pass,
  Break,
  Continue,
  Return,       // a or null
  Delete,       // targets
  Global,       // idents
  Nonlocal,     // idents
  If,           // a = test, body, orelse (elif becomes a nested If in orelse)
  While,        // a = test, body, orelse
  For,          // targets[0] = target, a = iterable, body, orelse, is_async
  FunctionDef,  // name, args, body, decorators, is_async (return annotation dropped)
  ClassDef,     // name, bases, keywords, body, decorators
  Try,          // body, handlers, orelse, finalbody
  Raise,        // a = exception or null, b = cause or null
  With,         // items, body, is_async
  Assert,       // a = test, b = message or null
  Import,       // aliases: name = dotted module name, asname
  ImportFrom,   // module (may be empty with level > 0), aliases (name "*" for star), level
  Match,        // a = subject, cases
};

struct ExceptHandler {
  ExprP type;        // null for a bare `except:`
  std::string name;  // empty when there is no `as name`
  StmtList body;
  Loc loc;
};

struct WithItem {
  ExprP context;
  ExprP target;  // null when there is no `as target`
};

// `case pattern if guard: body` of a match statement.
struct MatchCase {
  ExprP pattern;
  ExprP guard;  // null when there is no guard
  StmtList body;
  Loc loc;
};

struct Alias {
  std::string name;
  std::string asname;  // empty when absent
  Loc loc;
};

struct Stmt {
  StmtKind kind;
  Loc loc;
  ExprP a, b;
  ExprList targets;
  StmtList body, orelse, finalbody;
  std::vector<ExceptHandler> handlers;
  std::vector<WithItem> items;
  std::vector<MatchCase> cases;
  std::vector<Alias> aliases;
  std::vector<std::string> idents;
  std::string name;
  std::string module;
  int level = 0;
  std::unique_ptr<Arguments> args;
  ExprList decorators;
  ExprList bases;
  std::vector<Keyword> keywords;
  BinOp bin_op = BinOp::Add;
  bool is_async = false;

  Stmt(StmtKind k, Loc l) : kind(k), loc(l) {}
};

struct Module {
  StmtList body;
};

}  // namespace gilvm::front
