// The parser (front/parser.h has the API): recursive descent over the
// tokens of front/lexer.h, building the tree of front/ast.h.
//
// Grammar. One function per rule of the Python Language Reference, chapter
// 10 "Full Grammar specification" (CPython 3.11's Grammar/python.gram),
// restricted to what gilvm supports (docs/design.md §2). Where the PEG grammar
// backtracks we look ahead instead: an expression statement is parsed as
// `star_expressions` and only then, on seeing '=' / ':' / an augmented
// operator, checked as a target (§7.2 "Assignment statements"); the binary
// operators from '|' down to '*' share one precedence-climbing function
// (§6.7-§6.9, the table in §6.17). Parenthesised with-items, `with (a,
// b):` (§8.5), are told apart by scanning ahead to the matching ')'. The
// only backtracking is on error paths: to choose between CPython's messages
// some checks parse a little further speculatively and rewind.
//
// Tokens are pulled lazily from the lexer into a buffer, so a syntax error
// early in a file is found before the rest is scanned, as in CPython.
//
// Error model: a syntax error is a C++ exception (ParseFailure) thrown from
// the point of detection and caught once in parse(); the parser is not in
// the interpreter's dispatch loop, and throwing keeps every rule free of
// error plumbing. Error messages, and which error wins when there are
// several, follow CPython 3.11 (Parser/pegen_errors.c,
// _PyPegen_tokenize_full_source_to_check_for_errors): after a parser error
// the rest of the source is scanned and a scanner error there wins, except
// that an unclosed bracket wins only when the parser had read past the
// bracket's line, indentation/continuation errors never win, and an
// "unexpected indent" is final. Errors CPython raises in its second,
// "invalid_*" pass are reproduced by checks at the points where the LL parse
// fails ("cannot assign to ...", "Perhaps you forgot a comma?", "expected
// ':'", ...); where a specific error is only raised if what follows parses
// (an invalid assignment target, an annotation target), the parser tries
// the rest first. Checked against CPython 3.11 on its standard library
// (identical trees and positions) and on thousands of mutated files (the
// same message and position for about 99% of them).
//
// Known deviations: errors CPython's compiler raises after parsing are
// raised here too, at parse time ("keyword argument repeated", "duplicate
// argument", "default 'except:' must be last"); a refusal (e.g. of match)
// is reported even if a real syntax error follows later in the file;
// f-string error positions point at the offending character (CPython 3.11
// points at the end of the string).
//
// Constructs outside the subset that are valid Python are refused by name:
// except*, type aliases. async/await are parsed
// (the compiler refuses them for now). "\N{NAME}" escapes know the names of
// front/unicode_names.h, a subset of Unicode's.
//
// f-strings (§2.4.3) follow CPython 3.11: the scanner returns an f-string
// as one STRING token; here its literal parts are decoded and each
// replacement field's expression is found by CPython's bracket-and-quote
// scan (fstring_find_expr) and parsed by a nested Parser over that range of
// the source, so its nodes carry real source positions.
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <deque>
#include <unordered_set>

#include "front/lexer.h"
#include "front/parser.h"
#include "front/unicode_names.h"
#include "front/utf8.h"

namespace gilvm::front {
namespace {

// Nesting limit for expressions (unary chains, lambdas, conditional
// expressions; brackets are limited to 200 by the scanner), so a
// pathological input cannot exhaust the C++ stack.
constexpr int kMaxDepth = 1000;

struct ParseFailure {
  SyntaxErrorInfo info;
  int end_line = 0;        // when the range ends on a later line
  bool from_lexer = false;
  bool at_eof = false;     // the parser failed on a token synthesised at end of input
  bool generic = false;    // a plain "invalid syntax" (CPython lets specific errors win)
  bool final = false;      // not displaced by a later scanner error (unexpected indent)
};

struct Pos {
  int line = 0;
  int col = 0;
};

enum class TargetCtx { Store, Del, For };

// When a compound statement's header lacks its ':', CPython says "expected
// ':'" if the line ends there (IfLineEnds), or always, for the headers whose
// ':' its grammar forces (def, else, try, finally).
enum class Colon { IfLineEnds, Forced };
enum class Annotations { Allowed, None };  // def parameters / lambda parameters
enum class GenExpArg { Allowed, Refused };  // f(x for x in y) / class C(x for x in y)

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string utf8(char32_t cp) { return utf8::encode(cp); }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Tokens that can begin an expression (not counting '*' and 'yield', which
// only some contexts allow).
bool starts_expression(Tok k) {
  switch (k) {
    case Tok::Name:
    case Tok::Number:
    case Tok::String:
    case Tok::LParen:
    case Tok::LBracket:
    case Tok::LBrace:
    case Tok::Minus:
    case Tok::Plus:
    case Tok::Tilde:
    case Tok::Not:
    case Tok::Lambda:
    case Tok::Await:
    case Tok::True:
    case Tok::False:
    case Tok::None:
    case Tok::Ellipsis:
      return true;
    default:
      return false;
  }
}

bool augassign_op(Tok k, BinOp& op) {
  switch (k) {
    case Tok::PlusEqual: op = BinOp::Add; return true;
    case Tok::MinEqual: op = BinOp::Sub; return true;
    case Tok::StarEqual: op = BinOp::Mul; return true;
    case Tok::SlashEqual: op = BinOp::Div; return true;
    case Tok::DoubleSlashEqual: op = BinOp::FloorDiv; return true;
    case Tok::PercentEqual: op = BinOp::Mod; return true;
    case Tok::DoubleStarEqual: op = BinOp::Pow; return true;
    case Tok::LeftShiftEqual: op = BinOp::LShift; return true;
    case Tok::RightShiftEqual: op = BinOp::RShift; return true;
    case Tok::AmperEqual: op = BinOp::BitAnd; return true;
    case Tok::VBarEqual: op = BinOp::BitOr; return true;
    case Tok::CircumflexEqual: op = BinOp::BitXor; return true;
    case Tok::AtEqual: op = BinOp::MatMul; return true;
    default: return false;
  }
}

// Binary operator precedence, §6.17, from '|' (1) to '*' (6); 0 for tokens
// that are not binary operators at these levels.
int binary_precedence(Tok k, BinOp& op) {
  switch (k) {
    case Tok::VBar: op = BinOp::BitOr; return 1;
    case Tok::Circumflex: op = BinOp::BitXor; return 2;
    case Tok::Amper: op = BinOp::BitAnd; return 3;
    case Tok::LeftShift: op = BinOp::LShift; return 4;
    case Tok::RightShift: op = BinOp::RShift; return 4;
    case Tok::Plus: op = BinOp::Add; return 5;
    case Tok::Minus: op = BinOp::Sub; return 5;
    case Tok::Star: op = BinOp::Mul; return 6;
    case Tok::Slash: op = BinOp::Div; return 6;
    case Tok::DoubleSlash: op = BinOp::FloorDiv; return 6;
    case Tok::Percent: op = BinOp::Mod; return 6;
    case Tok::At: op = BinOp::MatMul; return 6;
    default: return 0;
  }
}

// What CPython calls an expression in "cannot assign to %s"
// (_PyPegen_get_expr_name).
const char* expr_name(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::True: return "True";
    case ExprKind::False: return "False";
    case ExprKind::None: return "None";
    case ExprKind::Ellipsis: return "ellipsis";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    default: return "literal";
  }
}

// _PyPegen_get_invalid_target: the first sub-expression of `e` that cannot
// be assigned to (deleted), or null.
const Expr* invalid_target(const Expr& e, TargetCtx ctx) {
  switch (e.kind) {
    case ExprKind::List:
    case ExprKind::Tuple:
      for (const ExprP& elt : e.elts) {
        if (const Expr* bad = invalid_target(*elt, ctx)) return bad;
      }
      return nullptr;
    case ExprKind::Starred:
      if (ctx == TargetCtx::Del) return &e;
      return invalid_target(*e.a, ctx);
    case ExprKind::Compare:
      if (ctx == TargetCtx::For) {
        if (e.cmp_ops[0] == CmpOp::In) return invalid_target(*e.a, ctx);
        return nullptr;
      }
      return &e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      return nullptr;
    default:
      return &e;
  }
}

// Could `e` have been parsed by CPython's `bitwise_or` rule (everything
// above comparisons)? Decides between its "... here. Maybe you meant '=='"
// messages and the plain ones.
bool is_bitwise_level(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Compare:
    case ExprKind::BoolOp:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::Starred:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
    case ExprKind::NamedExpr:
      return false;
    case ExprKind::UnaryOp:
      return e.unary_op != UnaryOp::Not;
    default:
      return true;
  }
}

bool is_compound(StmtKind k) {
  switch (k) {
    case StmtKind::If:
    case StmtKind::While:
    case StmtKind::For:
    case StmtKind::FunctionDef:
    case StmtKind::ClassDef:
    case StmtKind::Try:
    case StmtKind::With:
    case StmtKind::Match:
      return true;
    default:
      return false;
  }
}

// The text of line `line` (1-based) of `src`, without its line terminator.
std::string line_text(std::string_view src, int line) {
  std::size_t i = 0;
  for (int l = 1; l < line && i < src.size(); ++i) {
    if (src[i] == '\n') {
      ++l;
    } else if (src[i] == '\r') {
      if (i + 1 < src.size() && src[i + 1] == '\n') ++i;
      ++l;
    }
  }
  std::size_t e = i;
  while (e < src.size() && src[e] != '\n' && src[e] != '\r') ++e;
  return std::string(src.substr(i, e - i));
}

int code_points(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// True when the source's last line is empty and terminated: the user
// pressed Enter on an empty line, which ends a compound statement in the
// REPL. As in CPython's interactive tokenizer, a line of spaces does not.
bool ends_with_blank_line(std::string_view src) {
  std::size_t n = src.size();
  if (n == 0) return false;
  if (src[n - 1] == '\n') {
    --n;
    if (n > 0 && src[n - 1] == '\r') --n;
  } else if (src[n - 1] == '\r') {
    --n;
  } else {
    return false;
  }
  return n == 0 || src[n - 1] == '\n' || src[n - 1] == '\r';
}

class Parser {
 public:
  // A whole module / REPL entry / expression.
  explicit Parser(std::string_view src) : src_(src), lex_(src) {}

  // The expression of an f-string replacement field, src[begin, end); it
  // behaves as if parenthesised (CPython compiles "(" + text + ")").
  Parser(std::string_view src, std::uint32_t begin, std::uint32_t end, int line,
         std::uint32_t line_start, int depth)
      : src_(src), lex_(src, begin, end, line, line_start), depth_(depth), bracket_depth_(1) {}

  void file_input(StmtList& body) {
    for (;;) {
      trim_consumed();
      const Token& t = peek();
      if (t.kind == Tok::EndMarker) return;
      if (t.kind == Tok::Newline) {
        advance();
        continue;
      }
      statement(body);
    }
  }

  // One REPL entry (CPython's 'single' mode): one line of simple
  // statements, or one compound statement, which is complete only once an
  // empty line follows it (as in CPython's REPL); until then the input is
  // reported as incomplete. The source is the lines typed so far, each
  // ending in '\n'.
  void interactive_input(StmtList& body) {
    while (at(Tok::Newline)) advance();
    if (at(Tok::EndMarker)) return;
    statement(body);
    bool compound = is_compound(body.back()->kind);
    if (!at(Tok::EndMarker)) {
      if (compound) fail_generic(peek());
      error("multiple statements found while compiling a single statement",
            {prev_end_.line, prev_end_.col, prev_end_.line, prev_end_.col});
    }
    if (compound && !ends_with_blank_line(src_)) {
      ParseFailure f = make_failure("SyntaxError", "incomplete input", eof_loc());
      f.info.incomplete = true;
      throw f;
    }
  }

  ExprP eval_input() {
    while (at(Tok::Newline) || at(Tok::Indent)) advance();
    ExprP e = star_expressions();
    while (at(Tok::Newline) || at(Tok::Dedent)) advance();
    if (!at(Tok::EndMarker)) fail_generic(peek());
    return e;
  }

  ExprP fstring_expression() {
    Loc start = peek().loc;
    ExprP e = at(Tok::Yield) ? yield_expression() : star_expressions();
    if (!at(Tok::EndMarker)) fail_after_element(e.get(), start);
    return e;
  }

  // After a parser error: scan the rest of the source, and let a scanner
  // error there win, as CPython does.
  ParseFailure prefer_scanner_error(ParseFailure f) {
    if (f.from_lexer || f.final || lex_.failed()) return f;
    for (;;) {
      Token t = lex_.next();
      if (t.kind == Tok::EndMarker) return f;
      if (t.kind == Tok::Error) {
        if (lex_.error_is_weak()) return f;
        // CPython compares with the line of the furthest token it read
        int bracket_line = lex_.unclosed_bracket_line();
        if (bracket_line != 0 && furthest_line_ <= bracket_line) return f;
        return scanner_failure();
      }
    }
  }

 private:
  // ---------------------------------------------------------------- tokens

  const Token& peek(std::size_t k = 0) {
    while (toks_.size() <= pos_ + k) pull();
    return toks_[pos_ + k];
  }
  Tok kind() { return peek().kind; }
  bool at(Tok k) { return peek().kind == k; }

  void pull() {
    if (!toks_.empty() && toks_.back().kind == Tok::EndMarker) {
      toks_.push_back(toks_.back());
      return;
    }
    Token t = lex_.next();
    if (t.kind == Tok::Error) throw scanner_failure();
    furthest_line_ = t.loc.line;
    toks_.push_back(t);
  }

  // Consumes the current token. prev_end_ (where the last real token
  // ended) is the end of every node built from the tokens consumed so
  // far; NEWLINE/INDENT/DEDENT do not count, so a compound statement ends
  // where its last body statement ends.
  const Token& advance() {
    const Token& t = peek();
    if (t.kind != Tok::Newline && t.kind != Tok::Indent && t.kind != Tok::Dedent) {
      prev_end_ = {t.loc.end_line, t.loc.end_col};
    }
    ++pos_;
    return t;
  }
  bool accept(Tok k) {
    if (!at(k)) return false;
    advance();
    return true;
  }
  std::string expect_name() {
    if (!at(Tok::Name)) fail_generic(peek());
    return std::string(advance().text);
  }

  // Drops consumed tokens between top-level statements (nothing refers
  // back to them), so the buffer stays small on long files.
  void trim_consumed() {
    if (pos_ > 1024) {
      toks_.erase(toks_.begin(), toks_.begin() + static_cast<std::ptrdiff_t>(pos_));
      pos_ = 0;
    }
  }

  bool at_comp_for() {
    return at(Tok::For) || (at(Tok::Async) && peek(1).kind == Tok::For);
  }

  // ---------------------------------------------------------------- nodes

  Loc span(const Loc& start) const { return {start.line, start.col, prev_end_.line, prev_end_.col}; }
  ExprP node(ExprKind k, const Loc& start) { return std::make_unique<Expr>(k, Loc{start.line, start.col, 0, 0}); }
  StmtP stmt(StmtKind k, const Loc& start) { return std::make_unique<Stmt>(k, Loc{start.line, start.col, 0, 0}); }
  template <class Node>
  void close(Node& n) {
    n.loc.end_line = prev_end_.line;
    n.loc.end_col = prev_end_.col;
  }
  static Loc range(const Loc& from, const Loc& to) {
    return {from.line, from.col, to.end_line, to.end_col};
  }

  // ---------------------------------------------------------------- errors

  ParseFailure make_failure(std::string type, std::string message, const Loc& where) {
    ParseFailure f;
    f.info.type = std::move(type);
    f.info.message = std::move(message);
    f.info.line = where.line;
    f.info.col = where.col;
    f.end_line = where.end_line;
    f.info.end_col = where.end_line == where.line ? where.end_col : where.col;
    f.at_eof = pos_ < toks_.size() && (toks_[pos_].flags & kAtEof) != 0;
    return f;
  }
  [[noreturn]] void error(std::string message, const Loc& where) {
    throw make_failure("SyntaxError", std::move(message), where);
  }
  [[noreturn]] void indentation_error(std::string message, const Loc& where) {
    throw make_failure("IndentationError", std::move(message), where);
  }
  ParseFailure scanner_failure() {
    ParseFailure f;
    f.info = lex_.error();
    f.end_line = f.info.line;
    f.from_lexer = true;
    return f;
  }
  // Where "end of input" errors point, as in CPython: the end of the last
  // line of the source.
  Loc eof_loc() const {
    std::size_t n = src_.size();
    if (n > 0 && src_[n - 1] == '\n') --n;
    if (n > 0 && src_[n - 1] == '\r') --n;
    int line = 1;
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (src_[i] == '\n' || (src_[i] == '\r' && (i + 1 >= n || src_[i + 1] != '\n'))) {
        ++line;
        start = i + 1;
      }
    }
    int col = code_points(src_.substr(start, n - start));
    return {line, col, line, col};
  }

  // "invalid syntax" with the caret on `t`.
  [[noreturn]] void fail_generic(const Token& t) {
    // CPython reports these before looking at the rest of the source
    if (t.kind == Tok::Indent) {
      int col = std::max(0, t.loc.end_col - 1);
      ParseFailure f = make_failure("IndentationError", "unexpected indent", {t.loc.line, col, t.loc.line, col});
      f.final = true;
      throw f;
    }
    if (t.kind == Tok::Dedent) {
      ParseFailure f = make_failure("IndentationError", "unexpected unindent", (t.flags & kAtEof) ? eof_loc() : t.loc);
      f.final = true;
      throw f;
    }
    ParseFailure f = make_failure("SyntaxError", "invalid syntax", (t.flags & kAtEof) ? eof_loc() : t.loc);
    f.generic = true;
    throw f;
  }

  [[noreturn]] void refuse(std::string_view what, const Loc& where) {
    error(fmt::format("{} not supported by gilvm", what), where);
  }

  // Inside brackets an element was followed by something other than ',' or
  // the closing bracket. CPython's invalid_expression: when that something
  // is another expression, the programmer probably forgot a comma.
  [[noreturn]] void fail_after_element(const Expr* elem, const Loc& elem_start_in) {
    Loc elem_start = elem_start_in;
    // the check applies to the body of a lambda (parsed as an expression)
    while (elem && elem->kind == ExprKind::Lambda) {
      elem = elem->a.get();
      elem_start = elem->loc;
    }
    if (elem && at(Tok::Equal)) check_no_assignment(*elem, elem_start);
    const Token& t = peek();
    if (elem && bracket_depth_ > 0 && starts_expression(t.kind) && elem->kind != ExprKind::IfExp &&
        elem->kind != ExprKind::Lambda && elem->kind != ExprKind::Starred &&
        !(elem->kind == ExprKind::Name && t.kind == Tok::String) &&
        !(elem->kind == ExprKind::Name &&
          (elem->name == "match" || elem->name == "case" || elem->name == "_"))) {
      std::size_t save = pos_;
      Pos save_end = prev_end_;
      bool ok = false;
      try {
        (void)expression();
        ok = true;
      } catch (ParseFailure& f) {
        if (f.from_lexer) throw;
      }
      Pos end = prev_end_;
      pos_ = save;
      prev_end_ = save_end;
      if (ok) {
        error("invalid syntax. Perhaps you forgot a comma?",
              {elem_start.line, elem_start.col, end.line, end.col});
      }
    }
    fail_generic(peek());
  }

  void expect_close(Tok closer, const Expr* last, const Loc& last_start) {
    if (accept(closer)) return;
    fail_after_element(last, last_start);
  }

  // After a compound statement's header. CPython says "expected ':'" when
  // the line ends there, and for headers whose ':' its grammar forces.
  void expect_colon(Colon rule) {
    if (accept(Tok::Colon)) return;
    const Token& t = peek();
    if (t.kind == Tok::Newline) error("expected ':'", {t.loc.line, t.loc.col, t.loc.line, t.loc.col});
    if (rule == Colon::Forced && !(t.flags & kAtEof)) error("expected ':'", t.loc);
    fail_generic(t);
  }

  // `cond = value` where a condition was expected (if/elif/while, display
  // elements): CPython's invalid_named_expression.
  void check_no_assignment(const Expr& e, const Loc& start) {
    if (!at(Tok::Equal)) return;
    if (e.kind == ExprKind::Name) {
      std::size_t save = pos_;
      Pos save_end = prev_end_;
      advance();
      bool ok = false;
      try {
        (void)binary(1);
        ok = !at(Tok::Equal) && !at(Tok::ColonEqual);
      } catch (ParseFailure& f) {
        if (f.from_lexer) throw;
      }
      Pos end = prev_end_;
      pos_ = save;
      prev_end_ = save_end;
      if (ok) {
        error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
              {start.line, start.col, end.line, end.col});
      }
    } else if (is_bitwise_level(e) && e.kind != ExprKind::Tuple && e.kind != ExprKind::List &&
               e.kind != ExprKind::GeneratorExp && e.kind != ExprKind::True &&
               e.kind != ExprKind::False && e.kind != ExprKind::None) {
      error(fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e)),
            e.loc);
    }
    fail_generic(peek());
  }

  void check_target(const Expr& e, TargetCtx ctx) {
    if (const Expr* bad = invalid_target(e, ctx)) {
      error(fmt::format("cannot {} {}", ctx == TargetCtx::Del ? "delete" : "assign to", expr_name(*bad)),
            bad->loc);
    }
  }

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxDepth) {
        --p.depth_;
        p.error("too many nested expressions", p.peek().loc);
      }
    }
    ~DepthGuard() { --p.depth_; }
  };

  // ------------------------------------------------------------ statements

  void statement(StmtList& out) {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::Def:
      case Tok::Class:
      case Tok::If:
      case Tok::While:
      case Tok::For:
      case Tok::Try:
      case Tok::With:
      case Tok::At:
      case Tok::Async:
        out.push_back(compound_statement());
        return;
      case Tok::Indent:
        fail_generic(t);
      case Tok::Name:
        if (t.text == "match" && is_match_statement()) {
          out.push_back(match_statement());
          return;
        }
        if (t.text == "type" && peek(1).kind == Tok::Name &&
            (peek(2).kind == Tok::Equal || peek(2).kind == Tok::LBracket)) {
          refuse("type aliases are", t.loc);
        }
        break;
      default:
        break;
    }
    simple_statements(out);
  }

  // `match` is a soft keyword (§8.6): a line `match SUBJECT:` is a match
  // statement; `match = 3` and `match(x)` are not. No simple statement's
  // logical line ends with ':', so that decides it.
  bool is_match_statement() {
    Tok prev = Tok::Name;
    for (std::size_t k = 1;; ++k) {
      Tok kk = peek(k).kind;
      if (kk == Tok::Newline || kk == Tok::EndMarker) return prev == Tok::Colon && k > 2;
      prev = kk;
    }
  }

  void simple_statements(StmtList& out) {
    for (;;) {
      out.push_back(simple_statement());
      if (!accept(Tok::Semi) || at(Tok::Newline)) break;
    }
    if (!at(Tok::Newline)) fail_generic(peek());
    advance();
  }

  StmtP simple_statement() {
    Loc start = peek().loc;
    switch (kind()) {
      case Tok::Pass:
        advance();
        return closed(stmt(StmtKind::Pass, start));
      case Tok::Break:
        advance();
        return closed(stmt(StmtKind::Break, start));
      case Tok::Continue:
        advance();
        return closed(stmt(StmtKind::Continue, start));
      case Tok::Return: {
        advance();
        StmtP s = stmt(StmtKind::Return, start);
        if (starts_expression(kind()) || at(Tok::Star)) s->a = star_expressions();
        return closed(std::move(s));
      }
      case Tok::Raise: {
        advance();
        StmtP s = stmt(StmtKind::Raise, start);
        if (starts_expression(kind())) {
          s->a = expression();
          if (accept(Tok::From)) s->b = expression();
        }
        return closed(std::move(s));
      }
      case Tok::Global:
      case Tok::Nonlocal: {
        StmtKind k = at(Tok::Global) ? StmtKind::Global : StmtKind::Nonlocal;
        advance();
        StmtP s = stmt(k, start);
        do {
          s->idents.push_back(expect_name());
        } while (accept(Tok::Comma));
        return closed(std::move(s));
      }
      case Tok::Del:
        return del_statement();
      case Tok::Assert: {
        advance();
        StmtP s = stmt(StmtKind::Assert, start);
        s->a = expression();
        if (accept(Tok::Comma)) s->b = expression();
        return closed(std::move(s));
      }
      case Tok::Import:
        return import_statement();
      case Tok::From:
        return from_import();
      default:
        return expression_statement();
    }
  }

  StmtP closed(StmtP s) {
    close(*s);
    return s;
  }

  // §7.5 The del statement.
  StmtP del_statement() {
    Loc start = peek().loc;
    advance();
    StmtP s = stmt(StmtKind::Delete, start);
    for (;;) {
      ExprP t = star_expression();
      check_target(*t, TargetCtx::Del);
      s->targets.push_back(std::move(t));
      if (!accept(Tok::Comma)) break;
      if (!starts_expression(kind()) && !at(Tok::Star)) break;
    }
    return closed(std::move(s));
  }

  std::string dotted_name() {
    std::string name = expect_name();
    while (accept(Tok::Dot)) {
      name += '.';
      name += expect_name();
    }
    return name;
  }

  // §7.11 The import statement.
  StmtP import_statement() {
    Loc start = peek().loc;
    advance();
    StmtP s = stmt(StmtKind::Import, start);
    do {
      Alias a;
      a.loc = peek().loc;
      a.name = dotted_name();
      if (accept(Tok::As)) a.asname = expect_name();
      close(a);
      s->aliases.push_back(std::move(a));
    } while (accept(Tok::Comma));
    return closed(std::move(s));
  }

  StmtP from_import() {
    Loc start = peek().loc;
    advance();
    StmtP s = stmt(StmtKind::ImportFrom, start);
    for (;;) {
      if (accept(Tok::Dot)) {
        s->level += 1;
      } else if (accept(Tok::Ellipsis)) {
        s->level += 3;
      } else {
        break;
      }
    }
    if (at(Tok::Name)) {
      s->module = dotted_name();
    } else if (s->level == 0) {
      fail_generic(peek());
    }
    if (!accept(Tok::Import)) fail_generic(peek());
    auto one = [&] {
      Alias a;
      a.loc = peek().loc;
      a.name = expect_name();
      if (accept(Tok::As)) a.asname = expect_name();
      close(a);
      s->aliases.push_back(std::move(a));
    };
    if (at(Tok::Star)) {
      Alias a;
      a.loc = peek().loc;
      advance();
      a.name.push_back('*');  // (not `= "*"`: GCC 12 warns falsely, -Wrestrict)
      close(a);
      s->aliases.push_back(std::move(a));
    } else if (accept(Tok::LParen)) {
      for (;;) {
        one();
        if (!accept(Tok::Comma) || at(Tok::RParen)) break;
      }
      if (!accept(Tok::RParen)) fail_generic(peek());
    } else {
      for (;;) {
        one();
        if (!accept(Tok::Comma)) break;
        if (at(Tok::Newline) || at(Tok::Semi)) {
          const Token& t = peek();
          error("trailing comma not allowed without surrounding parentheses",
                {t.loc.line, t.loc.col, t.loc.line, t.loc.col});
        }
      }
    }
    return closed(std::move(s));
  }

  // Expression statements and the assignment statements (§7.1-§7.2.2).
  StmtP expression_statement() {
    Loc start = peek().loc;
    ExprP first = at(Tok::Yield) ? yield_expression() : star_expressions();
    BinOp op;
    if (at(Tok::Colon)) return annotated_assignment(start, std::move(first));
    // `a.b := 1` as a statement: CPython's invalid_named_expression names
    // the target; a bare name or a tuple stays "invalid syntax".
    if (at(Tok::ColonEqual) && first->kind != ExprKind::Name && first->kind != ExprKind::Tuple &&
        first->kind != ExprKind::Starred)
      error(fmt::format("cannot use assignment expressions with {}", expr_name(*first)), first->loc);
    if (augassign_op(kind(), op)) {
      if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
          first->kind != ExprKind::Subscript) {
        error(fmt::format("'{}' is an illegal expression for augmented assignment", expr_name(*first)),
              first->loc);
      }
      advance();
      StmtP s = stmt(StmtKind::AugAssign, start);
      s->bin_op = op;
      s->targets.push_back(std::move(first));
      s->a = at(Tok::Yield) ? yield_expression() : star_expressions();
      return closed(std::move(s));
    }
    if (at(Tok::Equal)) {
      StmtP s = stmt(StmtKind::Assign, start);
      s->targets.push_back(std::move(first));
      for (;;) {
        advance();  // '='
        ExprP v;
        try {
          v = at(Tok::Yield) ? yield_expression() : star_expressions();
        } catch (ParseFailure& f) {
          // CPython's invalid_assignment reports a bad target before a
          // plain syntax error in what follows it
          if (!f.from_lexer && f.generic) check_targets_alone(s->targets);
          throw;
        }
        if (at(Tok::Equal)) {
          s->targets.push_back(std::move(v));
          continue;
        }
        s->a = std::move(v);
        break;
      }
      check_assignment_targets(s->targets, *s->a);
      return closed(std::move(s));
    }
    // `NAME expression`: CPython's invalid_legacy_expression names Python
    // 2's print statement. It parses what follows; errors inside that
    // surface in CPython only when it starts with '[' or '{' (an artefact
    // of its memoisation), so only those are let through here.
    bool bracketed = at(Tok::LBracket) || at(Tok::LBrace);
    if (first->kind == ExprKind::Name && starts_expression(kind()) && !at(Tok::LParen) &&
        (bracketed || first->name == "print" || first->name == "exec")) {
      std::size_t save = pos_;
      Pos save_end = prev_end_;
      Loc where = first->loc;
      bool ok = false;
      try {
        (void)star_expressions();
        where = span(first->loc);
        ok = true;
      } catch (ParseFailure& f) {
        if (f.from_lexer || !f.generic) throw;
      }
      pos_ = save;
      prev_end_ = save_end;
      if (ok && (first->name == "print" || first->name == "exec")) {
        error(fmt::format("Missing parentheses in call to '{0}'. Did you mean {0}(...)?", first->name), where);
      }
    }
    StmtP s = stmt(StmtKind::Expr, start);
    s->a = std::move(first);
    return closed(std::move(s));
  }

  StmtP annotated_assignment(const Loc& start, ExprP target) {
    bool valid = target->kind == ExprKind::Name || target->kind == ExprKind::Attribute ||
                 target->kind == ExprKind::Subscript;
    if (!valid) {
      // CPython's invalid_ann_assign_target needs `target ':' expression`;
      // without an annotation it is plain invalid syntax at the ':'.
      Token colon = peek();
      advance();
      try {
        (void)expression();
      } catch (ParseFailure& f) {
        if (f.from_lexer || !f.generic) throw;
        fail_generic(colon);
      }
    }
    switch (target->kind) {
      case ExprKind::Name:
      case ExprKind::Attribute:
      case ExprKind::Subscript:
        break;
      case ExprKind::Tuple:
        if (!parenthesized_.count(target.get()) && !target->elts.empty()) {
          error("only single target (not tuple) can be annotated", target->elts[0]->loc);
        }
        error("only single target (not tuple) can be annotated", target->loc);
      case ExprKind::List:
        error("only single target (not list) can be annotated", target->loc);
      default:
        error("illegal target for annotation", target->loc);
    }
    advance();  // ':'
    (void)expression();  // the annotation: parsed and dropped
    StmtP s = stmt(StmtKind::AnnAssign, start);
    s->targets.push_back(std::move(target));
    if (accept(Tok::Equal)) s->a = at(Tok::Yield) ? yield_expression() : star_expressions();
    return closed(std::move(s));
  }

  void check_targets_alone(const ExprList& targets) {
    for (const ExprP& t : targets) {
      if (t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom) {
        error("assignment to yield expression not possible", t->loc);
      }
      check_target(*t, TargetCtx::Store);
    }
  }

  // `t1 = t2 = value`: every target must be assignable. The messages
  // follow CPython's invalid_assignment and invalid_named_expression.
  void check_assignment_targets(const ExprList& targets, const Expr& value) {
    for (const ExprP& tp : targets) {
      const Expr& t = *tp;
      if (t.kind == ExprKind::Yield || t.kind == ExprKind::YieldFrom) {
        error("assignment to yield expression not possible", t.loc);
      }
      const Expr* bad = invalid_target(t, TargetCtx::Store);
      if (!bad) continue;
      const Expr* rhs = &value;
      if (rhs->kind == ExprKind::Tuple && !parenthesized_.count(rhs) && !rhs->elts.empty()) {
        rhs = rhs->elts[0].get();
      }
      bool single = targets.size() == 1 && rhs->kind != ExprKind::Yield &&
                    rhs->kind != ExprKind::YieldFrom && rhs->kind != ExprKind::Starred &&
                    rhs->kind != ExprKind::Lambda &&
                    !(rhs->kind == ExprKind::UnaryOp && rhs->unary_op == UnaryOp::Not);
      if (single) {
        bool bare_tuple = t.kind == ExprKind::Tuple && !parenthesized_.count(&t) && !t.elts.empty();
        const Expr* last = bare_tuple ? t.elts.back().get() : &t;
        if (bad == last && is_bitwise_level(*bad) && bad->kind != ExprKind::Tuple &&
            bad->kind != ExprKind::List && bad->kind != ExprKind::GeneratorExp &&
            bad->kind != ExprKind::True && bad->kind != ExprKind::False &&
            bad->kind != ExprKind::None) {
          error(fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?",
                            expr_name(*bad)),
                bad->loc);
        }
        if (bare_tuple && last->kind == ExprKind::Name) {
          error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", range(last->loc, value.loc));
        }
      }
      error(fmt::format("cannot assign to {}", expr_name(*bad)), bad->loc);
    }
  }

  // ------------------------------------------------------ compound statements

  StmtP compound_statement() {
    const Token& t = peek();
    Loc start = t.loc;
    switch (t.kind) {
      case Tok::If:
        return if_statement();
      case Tok::While:
        return while_statement();
      case Tok::For:
        return for_statement(start, false);
      case Tok::Try:
        return try_statement();
      case Tok::With:
        return with_statement(start, false);
      case Tok::Def:
        return function_def(start, {}, false);
      case Tok::Class:
        return class_def(start, {});
      case Tok::At:
        return decorated();
      default: {  // async
        Tok next = peek(1).kind;
        advance();
        if (next == Tok::Def) return function_def(start, {}, true);
        if (next == Tok::For) return for_statement(start, true);
        if (next == Tok::With) return with_statement(start, true);
        fail_generic(peek());
      }
    }
  }

  // The suite after a header's ':' (§8): statements on the same line, or
  // NEWLINE INDENT statements DEDENT.
  StmtList block(std::string_view what, int header_line) {
    StmtList body;
    if (!at(Tok::Newline)) {
      simple_statements(body);
      return body;
    }
    advance();
    if (!at(Tok::Indent)) {
      const Token& t = peek();
      Loc where = (t.flags & kAtEof) ? eof_loc() : t.loc;
      indentation_error(fmt::format("expected an indented block after {} on line {}", what, header_line),
                        where);
    }
    advance();
    while (!at(Tok::Dedent) && !at(Tok::EndMarker)) statement(body);
    advance();
    return body;
  }

  // §8.6 The match statement. The subject is a named expression or an
  // unparenthesized tuple; each `case` (a soft keyword) has a pattern, an
  // optional guard and a block.
  StmtP match_statement() {
    Loc start = peek().loc;
    advance();  // match
    StmtP s = stmt(StmtKind::Match, start);
    Loc subject_start = peek().loc;
    ExprP first = star_named_expression();
    if (at(Tok::Comma)) {
      ExprP t = node(ExprKind::Tuple, subject_start);
      t->elts.push_back(std::move(first));
      while (accept(Tok::Comma)) {
        if (at(Tok::Colon)) break;
        t->elts.push_back(star_named_expression());
      }
      close(*t);
      first = std::move(t);
    } else if (first->kind == ExprKind::Starred) {
      fail_generic(peek());
    }
    s->a = std::move(first);
    expect_colon(Colon::Forced);
    if (!accept(Tok::Newline)) fail_generic(peek());
    if (!at(Tok::Indent)) {
      const Token& t = peek();
      indentation_error(fmt::format("expected an indented block after 'match' statement on line {}", start.line),
                        (t.flags & kAtEof) ? eof_loc() : t.loc);
    }
    advance();
    while (!at(Tok::Dedent) && !at(Tok::EndMarker)) {
      const Token& t = peek();
      if (t.kind != Tok::Name || t.text != "case") fail_generic(t);
      MatchCase c;
      c.loc = t.loc;
      int line = t.loc.line;
      advance();
      c.pattern = case_patterns();
      if (accept(Tok::If)) c.guard = named_expression();
      expect_colon(Colon::Forced);
      c.body = block("'case' statement", line);
      s->cases.push_back(std::move(c));
    }
    advance();
    return closed(std::move(s));
  }

  // patterns: an open sequence pattern (a, b) or one pattern.
  ExprP case_patterns() {
    Loc start = peek().loc;
    ExprP first = maybe_star_pattern();
    if (!at(Tok::Comma)) {
      if (first->kind == ExprKind::MatchStar) fail_generic(peek());
      return first;
    }
    ExprP seq = node(ExprKind::MatchSequence, start);
    seq->elts.push_back(std::move(first));
    while (accept(Tok::Comma)) {
      if (at(Tok::Colon) || at(Tok::If)) break;
      seq->elts.push_back(maybe_star_pattern());
    }
    close(*seq);
    return seq;
  }

  ExprP maybe_star_pattern() {
    if (!at(Tok::Star)) return pattern();
    Loc start = peek().loc;
    advance();
    ExprP e = node(ExprKind::MatchStar, start);
    if (!at(Tok::Name)) fail_generic(peek());
    std::string n(advance().text);
    if (n != "_") e->name = n;
    close(*e);
    return e;
  }

  // pattern: or_pattern ['as' NAME]
  ExprP pattern() {
    DepthGuard guard(*this);
    Loc start = peek().loc;
    ExprP p = or_pattern();
    if (!accept(Tok::As)) return p;
    const Token& t = peek();
    if (t.kind == Tok::Name && t.text == "_") error("cannot use '_' as a target", t.loc);
    if (t.kind != Tok::Name || peek(1).kind == Tok::Dot || peek(1).kind == Tok::LParen) {
      Loc at_loc = t.loc;
      ExprP bad = expression();
      error("invalid pattern target", range(at_loc, bad->loc));
    }
    ExprP as = node(ExprKind::MatchAs, start);
    as->name = std::string(advance().text);
    as->a = std::move(p);
    close(*as);
    return as;
  }

  ExprP or_pattern() {
    Loc start = peek().loc;
    ExprP first = closed_pattern();
    if (!at(Tok::VBar)) return first;
    ExprP e = node(ExprKind::MatchOr, start);
    e->elts.push_back(std::move(first));
    while (accept(Tok::VBar)) e->elts.push_back(closed_pattern());
    close(*e);
    return e;
  }

  // A literal pattern's value: a (negated) number, optionally + or - an
  // imaginary number, or strings (no f-strings).
  ExprP literal_value() {
    Loc start = peek().loc;
    ExprP v;
    if (at(Tok::Minus)) {
      advance();
      if (!at(Tok::Number)) fail_generic(peek());
      v = node(ExprKind::UnaryOp, start);
      v->unary_op = UnaryOp::Neg;
      v->a = number();
      close(*v);
    } else if (at(Tok::Number)) {
      v = number();
    } else {
      v = strings();
      if (v->kind == ExprKind::JoinedStr) error("patterns may only match literals and attribute lookups", v->loc);
      return v;
    }
    if (at(Tok::Plus) || at(Tok::Minus)) {
      ExprP b = node(ExprKind::BinOp, start);
      b->bin_op = advance().kind == Tok::Plus ? BinOp::Add : BinOp::Sub;
      b->a = std::move(v);
      if (!at(Tok::Number)) fail_generic(peek());
      b->b = number();
      close(*b);
      if (b->b->kind != ExprKind::Imaginary) error("imaginary number required in complex literal", b->b->loc);
      return b;
    }
    return v;
  }

  // name_or_attr: NAME ('.' NAME)*
  ExprP name_or_attr() {
    Loc start = peek().loc;
    ExprP e = node(ExprKind::Name, start);
    e->name = std::string(advance().text);
    close(*e);
    while (accept(Tok::Dot)) {
      if (!at(Tok::Name)) fail_generic(peek());
      ExprP a = node(ExprKind::Attribute, start);
      a->a = std::move(e);
      a->name = std::string(advance().text);
      close(*a);
      e = std::move(a);
    }
    return e;
  }

  ExprP closed_pattern() {
    const Token& t = peek();
    Loc start = t.loc;
    switch (t.kind) {
      case Tok::Number:
      case Tok::Minus:
      case Tok::String: {
        ExprP p = node(ExprKind::MatchValue, start);
        p->a = literal_value();
        close(*p);
        return p;
      }
      case Tok::None:
      case Tok::True:
      case Tok::False: {
        ExprP p = node(ExprKind::MatchSingleton, start);
        p->a = atom();
        close(*p);
        return p;
      }
      case Tok::Name: {
        ExprP target = name_or_attr();
        if (at(Tok::LParen)) return class_pattern(start, std::move(target));
        if (target->kind == ExprKind::Attribute) {
          ExprP p = node(ExprKind::MatchValue, start);
          p->a = std::move(target);
          close(*p);
          return p;
        }
        ExprP p = node(ExprKind::MatchAs, start);
        if (target->name != "_") p->name = target->name;
        close(*p);
        return p;
      }
      case Tok::LParen: {
        advance();
        if (accept(Tok::RParen)) {
          ExprP p = node(ExprKind::MatchSequence, start);
          close(*p);
          return p;
        }
        ExprP first = maybe_star_pattern();
        if (accept(Tok::RParen)) {
          if (first->kind == ExprKind::MatchStar) fail_generic(peek());
          return first;  // a group: (pattern)
        }
        ExprP p = node(ExprKind::MatchSequence, start);
        p->elts.push_back(std::move(first));
        while (accept(Tok::Comma)) {
          if (at(Tok::RParen)) break;
          p->elts.push_back(maybe_star_pattern());
        }
        if (!accept(Tok::RParen)) fail_generic(peek());
        close(*p);
        return p;
      }
      case Tok::LBracket: {
        advance();
        ExprP p = node(ExprKind::MatchSequence, start);
        while (!at(Tok::RBracket)) {
          p->elts.push_back(maybe_star_pattern());
          if (!accept(Tok::Comma)) break;
        }
        if (!accept(Tok::RBracket)) fail_generic(peek());
        close(*p);
        return p;
      }
      case Tok::LBrace:
        return mapping_pattern();
      default:
        fail_generic(t);
    }
  }

  ExprP mapping_pattern() {
    Loc start = peek().loc;
    advance();  // {
    ExprP p = node(ExprKind::MatchMapping, start);
    while (!at(Tok::RBrace)) {
      if (accept(Tok::DoubleStar)) {
        if (!at(Tok::Name)) fail_generic(peek());
        p->name = std::string(advance().text);
        accept(Tok::Comma);
        if (!at(Tok::RBrace)) fail_generic(peek());
        break;
      }
      const Token& t = peek();
      ExprP key;
      if (t.kind == Tok::Name) {
        if (peek(1).kind != Tok::Dot) fail_generic(peek(1));  // a capture cannot be a key
        key = name_or_attr();
      } else if (t.kind == Tok::None || t.kind == Tok::True || t.kind == Tok::False) {
        key = atom();
      } else if (t.kind == Tok::Number || t.kind == Tok::Minus || t.kind == Tok::String) {
        key = literal_value();
      } else {
        fail_generic(t);
      }
      if (!accept(Tok::Colon)) fail_generic(peek());
      p->keys.push_back(std::move(key));
      p->values.push_back(pattern());
      if (!accept(Tok::Comma)) break;
    }
    if (!accept(Tok::RBrace)) fail_generic(peek());
    close(*p);
    return p;
  }

  ExprP class_pattern(const Loc& start, ExprP cls) {
    advance();  // (
    ExprP p = node(ExprKind::MatchClass, start);
    p->a = std::move(cls);
    while (!at(Tok::RParen)) {
      Loc item = peek().loc;
      if (at(Tok::Name) && peek(1).kind == Tok::Equal) {
        Keyword k;
        k.loc = item;
        k.name = std::string(advance().text);
        advance();  // =
        k.value = pattern();
        close(k);
        p->keywords.push_back(std::move(k));
      } else {
        ExprP sub = pattern();
        if (!p->keywords.empty()) error("positional patterns follow keyword patterns", sub->loc);
        p->elts.push_back(std::move(sub));
      }
      if (!accept(Tok::Comma)) break;
    }
    if (!accept(Tok::RParen)) fail_generic(peek());
    close(*p);
    return p;
  }

  // A condition: a named expression, with CPython's hint for '='.
  ExprP condition() {
    Loc start = peek().loc;
    ExprP e = named_expression();
    check_no_assignment(*e, start);
    return e;
  }

  // §8.1 The if statement; elif becomes a nested If in orelse.
  StmtP if_statement() {
    Loc start = peek().loc;
    bool elif = at(Tok::Elif);
    advance();
    StmtP s = stmt(StmtKind::If, start);
    s->a = condition();
    expect_colon(Colon::IfLineEnds);
    s->body = block(elif ? "'elif' statement" : "'if' statement", start.line);
    if (at(Tok::Elif)) {
      s->orelse.push_back(if_statement());
    } else if (at(Tok::Else)) {
      int line = peek().loc.line;
      advance();
      expect_colon(Colon::Forced);
      s->orelse = block("'else' statement", line);
    }
    return closed(std::move(s));
  }

  void else_block(StmtList& orelse) {
    if (!at(Tok::Else)) return;
    int line = peek().loc.line;
    advance();
    expect_colon(Colon::Forced);
    orelse = block("'else' statement", line);
  }

  // §8.2 The while statement.
  StmtP while_statement() {
    Loc start = peek().loc;
    advance();
    StmtP s = stmt(StmtKind::While, start);
    s->a = condition();
    expect_colon(Colon::IfLineEnds);
    s->body = block("'while' statement", start.line);
    else_block(s->orelse);
    return closed(std::move(s));
  }

  // §8.3 The for statement.
  StmtP for_statement(const Loc& start, bool is_async) {
    int line = peek().loc.line;
    advance();
    StmtP s = stmt(StmtKind::For, start);
    s->is_async = is_async;
    ExprP target = target_list();
    check_target(*target, TargetCtx::For);
    s->targets.push_back(std::move(target));
    if (!accept(Tok::In)) fail_generic(peek());
    s->a = star_expressions();
    expect_colon(Colon::IfLineEnds);
    s->body = block("'for' statement", line);
    else_block(s->orelse);
    return closed(std::move(s));
  }

  // §8.4 The try statement.
  StmtP try_statement() {
    Loc start = peek().loc;
    advance();
    StmtP s = stmt(StmtKind::Try, start);
    expect_colon(Colon::Forced);
    s->body = block("'try' statement", start.line);
    const ExceptHandler* bare = nullptr;
    while (at(Tok::Except)) {
      Loc hstart = peek().loc;
      if (bare) error("default 'except:' must be last", bare->loc);
      advance();
      if (at(Tok::Star)) refuse("'except*' is", range(hstart, peek().loc));
      ExceptHandler h;
      h.loc = hstart;
      if (!at(Tok::Colon)) {
        Loc tstart = peek().loc;
        h.type = expression();
        if (at(Tok::Comma)) {
          while (accept(Tok::Comma)) {
            if (!starts_expression(kind())) break;
            (void)expression();
          }
          error("multiple exception types must be parenthesized", span(tstart));
        }
        if (accept(Tok::As)) h.name = expect_name();
      }
      expect_colon(Colon::IfLineEnds);
      h.body = block("'except' statement", hstart.line);
      close(h);
      s->handlers.push_back(std::move(h));
      if (!s->handlers.back().type) bare = &s->handlers.back();
    }
    if (at(Tok::Else) && !s->handlers.empty()) else_block(s->orelse);
    bool has_finally = false;
    if (at(Tok::Finally)) {
      int line = peek().loc.line;
      advance();
      expect_colon(Colon::Forced);
      s->finalbody = block("'finally' statement", line);
      has_finally = true;
    }
    if (s->handlers.empty() && !has_finally) {
      const Token& t = peek();
      error("expected 'except' or 'finally' block", (t.flags & kAtEof) ? eof_loc() : t.loc);
    }
    return closed(std::move(s));
  }

  // §8.5 The with statement. `with (a as b, c):` and `with (a, b):` are
  // the parenthesised form of Python 3.9+: the parentheses hold a
  // top-level 'as', or a top-level ',' and the matching ')' is directly
  // followed by ':'. Otherwise the '(' starts an ordinary expression
  // (`with (a, b) as c:` has one item, a tuple).
  StmtP with_statement(const Loc& start, bool is_async) {
    int line = peek().loc.line;
    advance();
    StmtP s = stmt(StmtKind::With, start);
    s->is_async = is_async;
    if (at(Tok::LParen) && parenthesized_with_items()) {
      advance();
      ++bracket_depth_;
      for (;;) {
        s->items.push_back(with_item());
        if (!accept(Tok::Comma) || at(Tok::RParen)) break;
      }
      if (!accept(Tok::RParen)) fail_generic(peek());
      --bracket_depth_;
    } else {
      do {
        s->items.push_back(with_item());
      } while (accept(Tok::Comma));
    }
    expect_colon(Colon::IfLineEnds);
    s->body = block("'with' statement", line);
    return closed(std::move(s));
  }

  bool parenthesized_with_items() {
    int depth = 0;
    bool separator = false;
    bool has_as = false;
    for (std::size_t k = 0;; ++k) {
      Tok t = peek(k).kind;
      switch (t) {
        case Tok::LParen:
        case Tok::LBracket:
        case Tok::LBrace:
          ++depth;
          break;
        case Tok::RParen:
        case Tok::RBracket:
        case Tok::RBrace:
          if (--depth == 0) return has_as || (separator && peek(k + 1).kind == Tok::Colon);
          break;
        case Tok::Comma:
          if (depth == 1) separator = true;
          break;
        case Tok::As:
          if (depth == 1) has_as = true;
          break;
        case Tok::Newline:
        case Tok::EndMarker:
          return false;
        default:
          break;
      }
    }
  }

  WithItem with_item() {
    WithItem item;
    item.context = expression();
    if (accept(Tok::As)) {
      item.target = star_target_single();
      check_target(*item.target, TargetCtx::Store);
    }
    return item;
  }

  // The target after 'as' in a with item.
  ExprP star_target_single() {
    if (at(Tok::Star)) {
      Loc start = peek().loc;
      advance();
      ExprP e = node(ExprKind::Starred, start);
      e->a = expression();
      close(*e);
      return e;
    }
    return expression();
  }

  // §8.7 Function definitions.
  StmtP function_def(const Loc& start, ExprList decorators, bool is_async) {
    int line = peek().loc.line;
    advance();  // def
    StmtP s = stmt(StmtKind::FunctionDef, start);
    s->is_async = is_async;
    s->decorators = std::move(decorators);
    s->name = expect_name();
    if (!at(Tok::LParen)) error("expected '('", peek().loc);
    advance();
    ++bracket_depth_;
    s->args = parameters(Tok::RParen, Annotations::Allowed);
    if (!accept(Tok::RParen)) fail_generic(peek());
    --bracket_depth_;
    if (accept(Tok::RArrow)) (void)expression();  // the return annotation: dropped
    expect_colon(Colon::Forced);
    s->body = block("function definition", line);
    return closed(std::move(s));
  }

  // §8.8 Class definitions.
  StmtP class_def(const Loc& start, ExprList decorators) {
    int line = peek().loc.line;
    advance();  // class
    StmtP s = stmt(StmtKind::ClassDef, start);
    s->decorators = std::move(decorators);
    s->name = expect_name();
    if (at(Tok::LParen)) {
      Loc lparen = peek().loc;
      advance();
      ++bracket_depth_;
      call_arguments(s->bases, s->keywords, lparen, GenExpArg::Refused);
      --bracket_depth_;
    }
    expect_colon(Colon::IfLineEnds);
    s->body = block("class definition", line);
    return closed(std::move(s));
  }

  // §9 decorators: '@' named_expression NEWLINE, then def or class.
  StmtP decorated() {
    ExprList decorators;
    while (at(Tok::At)) {
      advance();
      decorators.push_back(named_expression());
      if (!at(Tok::Newline)) fail_generic(peek());
      advance();
    }
    Loc start = peek().loc;
    if (at(Tok::Def)) return function_def(start, std::move(decorators), false);
    if (at(Tok::Class)) return class_def(start, std::move(decorators));
    if (at(Tok::Async) && peek(1).kind == Tok::Def) {
      advance();
      return function_def(start, std::move(decorators), true);
    }
    fail_generic(peek());
  }

  // Parameter lists of def (closed by ')', with annotations) and lambda
  // (closed by ':'), §8.7 / §6.14. The order rules give CPython's messages
  // in the same local contexts as its invalid_parameters rules; anything
  // else is "invalid syntax".
  std::unique_ptr<Arguments> parameters(Tok close_tok, Annotations annotations) {
    auto args = std::make_unique<Arguments>();
    bool seen_slash = false;
    bool seen_star = false;
    bool seen_default = false;
    std::vector<std::string> names;
    std::string duplicate;  // the first repeated name, and where
    Loc duplicate_loc;
    auto param = [&] {
      Param p;
      p.loc = peek().loc;
      p.name = expect_name();
      if (annotations == Annotations::Allowed && accept(Tok::Colon)) {
        accept(Tok::Star);  // *args: *Ts
        Loc astart = peek().loc;
        ExprP annotation = expression();
        if (!at(Tok::Equal) && !at(Tok::Comma) && !at(close_tok)) fail_after_element(annotation.get(), astart);
      }
      close(p);
      return p;
    };
    auto remember = [&](const Param& p) {
      for (const std::string& n : names) {
        if (n == p.name && duplicate.empty()) {
          duplicate = p.name;
          duplicate_loc = p.loc;
        }
      }
      names.push_back(p.name);
    };
    while (!at(close_tok)) {
      Token t = peek();
      if (t.kind == Tok::Slash) {
        if (seen_slash) error("/ may appear only once", t.loc);
        if (seen_star) error("/ must be ahead of *", t.loc);
        if (args->positional.empty()) {
          if (peek(1).kind == Tok::Comma) error("at least one argument must precede /", t.loc);
          fail_generic(t);
        }
        advance();
        seen_slash = true;
        args->positional_only = static_cast<int>(args->positional.size());
        if (at(Tok::Star)) error("expected comma between / and *", peek().loc);
      } else if (t.kind == Tok::DoubleStar) {
        advance();
        Param p = param();
        if (at(Tok::Equal)) error("var-keyword argument cannot have default value", peek().loc);
        args->kwarg = p.name;
        for (const std::string& n : names) {
          if (n == p.name) error(fmt::format("duplicate argument '{}' in function definition", p.name), p.loc);
        }
        if (accept(Tok::Comma) && !at(close_tok)) {
          Tok k = kind();
          if (k == Tok::Name || k == Tok::Star || k == Tok::DoubleStar || k == Tok::Slash) {
            error("arguments cannot follow var-keyword argument", peek().loc);
          }
          fail_generic(peek());
        }
        break;
      } else if (t.kind == Tok::Star) {
        if (seen_star) {
          Tok n = peek(1).kind;
          if (n == Tok::Name || n == Tok::Comma) error("* argument may appear only once", t.loc);
          fail_generic(t);
        }
        advance();
        seen_star = true;
        if (at(Tok::Name)) {
          Param p = param();
          if (at(Tok::Equal)) error("var-positional argument cannot have default value", peek().loc);
          args->vararg = p.name;
          for (const std::string& n : names) {
            if (n == p.name) error(fmt::format("duplicate argument '{}' in function definition", p.name), p.loc);
          }
          names.push_back(p.name);
        } else {
          Tok n = kind();
          if (n == close_tok || (n == Tok::Comma && (peek(1).kind == close_tok || peek(1).kind == Tok::DoubleStar))) {
            error("named arguments must follow bare *", t.loc);
          }
          if (n != Tok::Comma) fail_generic(peek());
        }
      } else if (t.kind == Tok::Name) {
        Param p = param();
        if (at(Tok::Equal)) {
          Loc eq = peek().loc;
          advance();
          if (at(close_tok) || at(Tok::Comma)) error("expected default value expression", eq);
          Loc dstart = peek().loc;
          p.default_value = expression();
          if (!at(Tok::Comma) && !at(close_tok)) fail_after_element(p.default_value.get(), dstart);
        }
        close(p);
        if (seen_star) {
          remember(p);
          args->kwonly.push_back(std::move(p));
        } else {
          if (p.default_value) {
            seen_default = true;
          } else if (seen_default && (at(Tok::Comma) || at(close_tok))) {
            error("non-default argument follows default argument", p.loc);
          }
          remember(p);
          args->positional.push_back(std::move(p));
        }
      } else if (t.kind == Tok::LParen && !seen_star) {
        // def f((a, b)): Python 2's tuple parameters
        std::size_t k = 1;
        bool names_only = peek(k).kind == Tok::Name;
        while (names_only && peek(k).kind == Tok::Name) {
          ++k;
          if (peek(k).kind != Tok::Comma) break;
          ++k;
        }
        if (names_only && peek(k).kind == Tok::RParen) {
          error(close_tok == Tok::Colon ? "Lambda expression parameters cannot be parenthesized"
                                        : "Function parameters cannot be parenthesized",
                range(t.loc, peek(k).loc));
        }
        fail_generic(t);
      } else {
        fail_generic(t);
      }
      if (!accept(Tok::Comma)) break;
    }
    // a symbol-table error in CPython, so after the syntax checks
    if (!duplicate.empty()) error(fmt::format("duplicate argument '{}' in function definition", duplicate), duplicate_loc);
    return args;
  }

  // ------------------------------------------------------------ expressions

  // star_expressions: an expression, or a tuple display without
  // parentheses (§6.15 expression lists).
  ExprP star_expressions() {
    Loc start = peek().loc;
    ExprP first = star_expression();
    if (!at(Tok::Comma)) return first;
    ExprP t = node(ExprKind::Tuple, start);
    t->elts.push_back(std::move(first));
    while (accept(Tok::Comma)) {
      if (!starts_expression(kind()) && !at(Tok::Star)) break;
      t->elts.push_back(star_expression());
    }
    close(*t);
    return t;
  }

  ExprP star_expression() {
    if (at(Tok::Star)) {
      Loc start = peek().loc;
      advance();
      ExprP e = node(ExprKind::Starred, start);
      e->a = binary(1);
      close(*e);
      return e;
    }
    return expression();
  }

  // star_named_expression: a display element.
  ExprP star_named_expression() {
    if (at(Tok::Star)) return star_expression();
    Loc start = peek().loc;
    ExprP e = named_expression();
    check_no_assignment(*e, start);
    return e;
  }

  // §6.12 assignment expressions (PEP 572), where the grammar allows them
  // (conditions, display elements and parenthesized groups, call
  // arguments, subscripts, decorators): NAME ':=' expression. Any other
  // target is CPython's invalid_named_expression error; an unparenthesized
  // ':=' elsewhere stops the parse at the ':=' ("invalid syntax").
  ExprP named_expression() {
    if (at(Tok::Name) && peek(1).kind == Tok::ColonEqual) {
      Loc start = peek().loc;
      ExprP target = node(ExprKind::Name, start);
      target->name = std::string(advance().text);
      close(*target);
      advance();  // ':='
      ExprP e = node(ExprKind::NamedExpr, start);
      e->a = std::move(target);
      e->b = expression();
      close(*e);
      return e;
    }
    ExprP e = expression();
    if (at(Tok::ColonEqual))
      error(fmt::format("cannot use assignment expressions with {}", expr_name(*e)), e->loc);
    return e;
  }

  // §6.13 conditional expressions, §6.14 lambdas.
  ExprP expression() {
    DepthGuard guard(*this);
    if (at(Tok::Lambda)) return lambda();
    Loc start = peek().loc;
    ExprP body = disjunction();
    if (at(Tok::If)) {
      advance();
      ExprP test = disjunction();
      if (!at(Tok::Else)) {
        if (at(Tok::Colon)) fail_generic(peek());
        error("expected 'else' after 'if' expression", range(body->loc, test->loc));
      }
      advance();
      ExprP e = node(ExprKind::IfExp, start);
      e->a = std::move(test);
      e->b = std::move(body);
      e->c = expression();
      close(*e);
      return e;
    }
    return body;
  }

  ExprP lambda() {
    Loc start = peek().loc;
    advance();
    ExprP e = node(ExprKind::Lambda, start);
    e->args = parameters(Tok::Colon, Annotations::None);
    if (!accept(Tok::Colon)) fail_generic(peek());
    e->a = expression();
    close(*e);
    return e;
  }

  // §6.11 Boolean operations.
  ExprP disjunction() {
    Loc start = peek().loc;
    ExprP first = conjunction();
    if (!at(Tok::Or)) return first;
    ExprP e = node(ExprKind::BoolOp, start);
    e->bool_op = BoolOp::Or;
    e->elts.push_back(std::move(first));
    while (accept(Tok::Or)) e->elts.push_back(conjunction());
    close(*e);
    return e;
  }

  ExprP conjunction() {
    Loc start = peek().loc;
    ExprP first = inversion();
    if (!at(Tok::And)) return first;
    ExprP e = node(ExprKind::BoolOp, start);
    e->bool_op = BoolOp::And;
    e->elts.push_back(std::move(first));
    while (accept(Tok::And)) e->elts.push_back(inversion());
    close(*e);
    return e;
  }

  ExprP inversion() {
    if (!at(Tok::Not)) return comparison();
    DepthGuard guard(*this);
    Loc start = peek().loc;
    advance();
    ExprP e = node(ExprKind::UnaryOp, start);
    e->unary_op = UnaryOp::Not;
    e->a = inversion();
    close(*e);
    return e;
  }

  // §6.10 Comparisons (chained: a < b < c is one Compare).
  ExprP comparison() {
    Loc start = peek().loc;
    ExprP left = binary(1);
    ExprP e;
    for (;;) {
      CmpOp op;
      switch (kind()) {
        case Tok::EqEqual: op = CmpOp::Eq; break;
        case Tok::NotEqual: op = CmpOp::NotEq; break;
        case Tok::Less: op = CmpOp::Lt; break;
        case Tok::LessEqual: op = CmpOp::LtE; break;
        case Tok::Greater: op = CmpOp::Gt; break;
        case Tok::GreaterEqual: op = CmpOp::GtE; break;
        case Tok::In: op = CmpOp::In; break;
        case Tok::Is:
          op = peek(1).kind == Tok::Not ? CmpOp::IsNot : CmpOp::Is;
          break;
        case Tok::Not:
          if (peek(1).kind != Tok::In) {
            // inside brackets the caller may suggest a missing comma
            if (bracket_depth_ > 0) {
              if (!e) return left;
              close(*e);
              return e;
            }
            fail_generic(peek(1));
          }
          op = CmpOp::NotIn;
          break;
        default:
          if (!e) return left;
          close(*e);
          return e;
      }
      advance();
      if (op == CmpOp::IsNot || op == CmpOp::NotIn) advance();
      if (!e) {
        e = node(ExprKind::Compare, start);
        e->a = std::move(left);
      }
      e->cmp_ops.push_back(op);
      e->elts.push_back(binary(1));
    }
  }

  // §6.7-§6.9: | ^ & << >> + - * / // % @ by precedence climbing; all
  // left-associative.
  ExprP binary(int min_prec) {
    Loc start = peek().loc;
    ExprP left = factor();
    for (;;) {
      BinOp op;
      int prec = binary_precedence(kind(), op);
      if (prec == 0 || prec < min_prec) return left;
      advance();
      ExprP right = binary(prec + 1);
      ExprP e = node(ExprKind::BinOp, start);
      e->bin_op = op;
      e->a = std::move(left);
      e->b = std::move(right);
      close(*e);
      left = std::move(e);
    }
  }

  // §6.6 Unary arithmetic: binds looser than ** on its left, so -2**2 is
  // -(2**2).
  ExprP factor() {
    UnaryOp op;
    switch (kind()) {
      case Tok::Minus: op = UnaryOp::Neg; break;
      case Tok::Plus: op = UnaryOp::Pos; break;
      case Tok::Tilde: op = UnaryOp::Invert; break;
      default: return power();
    }
    DepthGuard guard(*this);
    Loc start = peek().loc;
    advance();
    ExprP e = node(ExprKind::UnaryOp, start);
    e->unary_op = op;
    e->a = factor();
    close(*e);
    return e;
  }

  // §6.5 The power operator: right operand is a factor (2**-1, 2**3**2).
  ExprP power() {
    Loc start = peek().loc;
    ExprP base = await_primary();
    if (!at(Tok::DoubleStar)) return base;
    DepthGuard guard(*this);
    advance();
    ExprP e = node(ExprKind::BinOp, start);
    e->bin_op = BinOp::Pow;
    e->a = std::move(base);
    e->b = factor();
    close(*e);
    return e;
  }

  // §6.4 Await expression.
  ExprP await_primary() {
    if (!at(Tok::Await)) return primary();
    Loc start = peek().loc;
    advance();
    ExprP e = node(ExprKind::Await, start);
    e->a = primary();
    close(*e);
    return e;
  }

  // §6.3 Primaries: attribute references, subscriptions, slicings, calls.
  ExprP primary() {
    Loc start = peek().loc;
    ExprP e = atom();
    for (;;) {
      switch (kind()) {
        case Tok::Dot: {
          advance();
          ExprP a = node(ExprKind::Attribute, start);
          a->a = std::move(e);
          a->name = expect_name();
          close(*a);
          e = std::move(a);
          break;
        }
        case Tok::LParen: {
          Loc lparen = peek().loc;
          advance();
          ExprP c = node(ExprKind::Call, start);
          c->a = std::move(e);
          ++bracket_depth_;
          call_arguments(c->elts, c->keywords, lparen, GenExpArg::Allowed);
          --bracket_depth_;
          close(*c);
          e = std::move(c);
          break;
        }
        case Tok::LBracket: {
          advance();
          ExprP s = node(ExprKind::Subscript, start);
          s->a = std::move(e);
          ++bracket_depth_;
          Loc istart = peek().loc;
          s->b = slices();
          expect_close(Tok::RBracket, s->b.get(), istart);
          --bracket_depth_;
          close(*s);
          e = std::move(s);
          break;
        }
        default:
          return e;
      }
    }
  }

  // §6.3.4 Calls (after '(' up to and including ')'); also class bases.
  // The argument order errors are raised once the list has parsed, as
  // CPython does (a missing comma inside is reported first).
  void call_arguments(ExprList& args, std::vector<Keyword>& keywords, const Loc& lparen,
                      GenExpArg genexp) {
    bool seen_keyword = false;
    bool seen_kw_unpack = false;
    const Expr* last = nullptr;
    Loc last_start;
    Expr* sole_genexp = nullptr;
    std::string order_error;
    Loc order_loc;
    auto order = [&](std::string message, const Loc& where) {
      if (order_error.empty()) {
        order_error = std::move(message);
        order_loc = where;
      }
    };
    while (!at(Tok::RParen)) {
      Loc s = peek().loc;
      last_start = s;
      if (at(Tok::Star)) {
        Loc star = peek().loc;
        advance();
        ExprP e = node(ExprKind::Starred, s);
        e->a = expression();
        close(*e);
        if (seen_kw_unpack) order("iterable argument unpacking follows keyword argument unpacking", star);
        last = e.get();
        args.push_back(std::move(e));
      } else if (at(Tok::DoubleStar)) {
        advance();
        Keyword k;
        k.loc = s;
        last_start = peek().loc;
        k.value = expression();
        close(k);
        last = k.value.get();
        keywords.push_back(std::move(k));
        seen_kw_unpack = true;
      } else if (at(Tok::Name) && peek(1).kind == Tok::Equal) {
        Keyword k;
        k.loc = s;
        k.name = std::string(advance().text);
        advance();  // '='
        last_start = peek().loc;
        k.value = expression();
        close(k);
        for (const Keyword& other : keywords) {
          if (other.name == k.name) order(fmt::format("keyword argument repeated: {}", k.name), k.loc);
        }
        last = k.value.get();
        keywords.push_back(std::move(k));
        seen_keyword = true;
      } else {
        // An argument is NAME := value or an expression; other := targets
        // are plain "invalid syntax" here, as in CPython's args rule.
        ExprP v = at(Tok::Name) && peek(1).kind == Tok::ColonEqual ? named_expression() : expression();
        if (at(Tok::Equal)) {
          Loc eq = peek().loc;
          if (v->kind == ExprKind::True || v->kind == ExprKind::False || v->kind == ExprKind::None) {
            error(fmt::format("cannot assign to {}", expr_name(*v)), range(v->loc, eq));
          }
          error("expression cannot contain assignment, perhaps you meant \"==\"?", range(v->loc, eq));
        }
        if (at_comp_for()) {
          ExprP g = node(ExprKind::GeneratorExp, s);
          g->a = std::move(v);
          if (genexp == GenExpArg::Refused) fail_generic(peek());
          g->comps = comprehension_clauses();
          close(*g);
          if (!args.empty() || !keywords.empty() || !at(Tok::RParen)) {
            error("Generator expression must be parenthesized", g->loc);
          }
          sole_genexp = g.get();
          args.push_back(std::move(g));
          break;
        }
        if (seen_kw_unpack) {
          order("positional argument follows keyword argument unpacking", v->loc);
        } else if (seen_keyword) {
          order("positional argument follows keyword argument", v->loc);
        }
        last = v.get();
        args.push_back(std::move(v));
      }
      if (!accept(Tok::Comma)) break;
    }
    expect_close(Tok::RParen, last, last_start);
    if (!order_error.empty()) error(order_error, order_loc);
    // A generator expression that is the sole argument uses the call's
    // parentheses (CPython gives it their span).
    if (sole_genexp) sole_genexp->loc = span(lparen);
  }

  // §6.3.2-§6.3.3 the inside of a subscription: one slice item, or a tuple
  // of them.
  ExprP slices() {
    Loc start = peek().loc;
    ExprP first = slice_item();
    // a[*b] is a[(*b,)]: a starred item always makes a tuple
    if (!at(Tok::Comma) && first->kind != ExprKind::Starred) return first;
    ExprP t = node(ExprKind::Tuple, start);
    t->elts.push_back(std::move(first));
    while (accept(Tok::Comma)) {
      if (!starts_expression(kind()) && !at(Tok::Colon) && !at(Tok::Star)) break;
      t->elts.push_back(slice_item());
    }
    close(*t);
    return t;
  }

  ExprP slice_item() {
    Loc start = peek().loc;
    if (at(Tok::Star)) return star_expression();
    ExprP lower;
    if (!at(Tok::Colon)) {
      lower = named_expression();
      if (!at(Tok::Colon)) return lower;
    }
    advance();  // ':'
    ExprP s = node(ExprKind::Slice, start);
    s->a = std::move(lower);
    if (starts_expression(kind())) s->b = expression();
    if (accept(Tok::Colon) && starts_expression(kind())) s->c = expression();
    close(*s);
    return s;
  }

  // §6.2 Atoms.
  ExprP atom() {
    const Token& t = peek();
    Loc start = t.loc;
    switch (t.kind) {
      case Tok::Name: {
        ExprP e = node(ExprKind::Name, start);
        e->name = std::string(t.text);
        advance();
        close(*e);
        return e;
      }
      case Tok::Number:
        return number();
      case Tok::String:
        return strings();
      case Tok::True:
      case Tok::False:
      case Tok::None:
      case Tok::Ellipsis: {
        ExprKind k = t.kind == Tok::True    ? ExprKind::True
                     : t.kind == Tok::False ? ExprKind::False
                     : t.kind == Tok::None  ? ExprKind::None
                                            : ExprKind::Ellipsis;
        advance();
        ExprP e = node(k, start);
        close(*e);
        return e;
      }
      case Tok::LParen:
        return paren_atom();
      case Tok::LBracket:
        return list_display();
      case Tok::LBrace:
        return brace_display();
      default:
        fail_generic(t);
    }
  }

  // §2.4.5-§2.4.6 numeric literals: integers keep their text (the compiler
  // builds the arbitrary-precision value), floats are converted here.
  ExprP number() {
    Token t = advance();
    std::uint8_t k = t.flags & kNumKindMask;
    ExprP e = node(k == kNumInt ? ExprKind::Int : k == kNumFloat ? ExprKind::Float : ExprKind::Imaginary,
                   t.loc);
    close(*e);
    if (k == kNumInt) {
      e->text = std::string(t.text);
      return e;
    }
    std::string digits;
    digits.reserve(t.text.size());
    for (char c : t.text) {
      if (c != '_' && c != 'j' && c != 'J') digits += c;
    }
    double v = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (ec == std::errc::result_out_of_range) {
      // overflow gives inf, underflow 0, as float() does
      auto epos = digits.find_first_of("eE");
      bool negative_exponent = epos != std::string::npos && epos + 1 < digits.size() && digits[epos + 1] == '-';
      v = negative_exponent ? 0.0 : HUGE_VAL;
    }
    e->number = v;
    return e;
  }

  // '(' ... ')': the empty tuple, a parenthesised expression or yield, a
  // tuple display, or a generator expression.
  ExprP paren_atom() {
    Loc start = peek().loc;
    advance();
    ++bracket_depth_;
    if (accept(Tok::RParen)) {
      --bracket_depth_;
      ExprP t = node(ExprKind::Tuple, start);
      close(*t);
      parenthesized_.insert(t.get());
      return t;
    }
    Loc first_start = peek().loc;
    if (at(Tok::Yield)) {
      ExprP y = yield_expression();
      expect_close(Tok::RParen, y.get(), first_start);
      --bracket_depth_;
      return y;
    }
    ExprP first = star_named_expression();
    if (at_comp_for()) {
      if (first->kind == ExprKind::Starred) {
        error("iterable unpacking cannot be used in comprehension", first->loc);
      }
      ExprP g = node(ExprKind::GeneratorExp, start);
      g->a = std::move(first);
      g->comps = comprehension_clauses();
      expect_close(Tok::RParen, nullptr, start);
      --bracket_depth_;
      close(*g);
      return g;
    }
    if (at(Tok::Comma)) {
      ExprP t = node(ExprKind::Tuple, start);
      t->elts.push_back(std::move(first));
      Loc last_start = first_start;
      while (accept(Tok::Comma)) {
        if (at(Tok::RParen)) break;
        last_start = peek().loc;
        t->elts.push_back(star_named_expression());
      }
      expect_close(Tok::RParen, t->elts.back().get(), last_start);
      --bracket_depth_;
      close(*t);
      parenthesized_.insert(t.get());
      return t;
    }
    expect_close(Tok::RParen, first.get(), first_start);
    --bracket_depth_;
    if (first->kind == ExprKind::Starred) error("cannot use starred expression here", first->loc);
    return first;
  }

  ExprP list_display() {
    Loc start = peek().loc;
    advance();
    ++bracket_depth_;
    ExprP e = node(ExprKind::List, start);
    if (!at(Tok::RBracket)) {
      Loc first_start = peek().loc;
      ExprP first = star_named_expression();
      if (at_comp_for()) {
        if (first->kind == ExprKind::Starred) {
          error("iterable unpacking cannot be used in comprehension", first->loc);
        }
        e->kind = ExprKind::ListComp;
        e->a = std::move(first);
        e->comps = comprehension_clauses();
        expect_close(Tok::RBracket, nullptr, start);
        --bracket_depth_;
        close(*e);
        return e;
      }
      e->elts.push_back(std::move(first));
      display_rest(e->elts, Tok::RBracket, first_start);
    } else {
      advance();
    }
    --bracket_depth_;
    close(*e);
    return e;
  }

  // The elements after the first of a list, set or tuple display, and the
  // closing bracket.
  void display_rest(ExprList& elts, Tok closer, const Loc& first_start) {
    Loc last_start = first_start;
    while (accept(Tok::Comma)) {
      if (at(closer)) break;
      last_start = peek().loc;
      elts.push_back(star_named_expression());
    }
    if (at_comp_for() && elts.size() > 1) {
      error("did you forget parentheses around the comprehension target?",
            range(first_start, elts.back()->loc));
    }
    expect_close(closer, elts.back().get(), last_start);
  }

  // '{' ... '}': dict and set displays and comprehensions (§6.2.6-§6.2.8).
  ExprP brace_display() {
    Loc start = peek().loc;
    advance();
    ++bracket_depth_;
    if (accept(Tok::RBrace)) {
      --bracket_depth_;
      ExprP d = node(ExprKind::Dict, start);
      close(*d);
      return d;
    }
    if (at(Tok::DoubleStar)) {
      Loc s = peek().loc;
      advance();
      ExprP v = binary(1);
      if (at_comp_for()) error("dict unpacking cannot be used in dict comprehension", s);
      ExprP d = node(ExprKind::Dict, start);
      d->keys.push_back(nullptr);
      d->values.push_back(std::move(v));
      dict_rest(*d, s);
      return d;
    }
    Loc first_start = peek().loc;
    ExprP first = star_named_expression();
    if (first->kind == ExprKind::NamedExpr && at(Tok::Colon)) fail_generic(peek());  // a key is no named expression
    if (first->kind != ExprKind::Starred && at(Tok::Colon)) {
      Loc value_start;
      ExprP v = dict_value(value_start);
      if (at_comp_for()) {
        ExprP d = node(ExprKind::DictComp, start);
        d->a = std::move(first);
        d->b = std::move(v);
        d->comps = comprehension_clauses();
        expect_close(Tok::RBrace, nullptr, start);
        --bracket_depth_;
        close(*d);
        return d;
      }
      ExprP d = node(ExprKind::Dict, start);
      d->keys.push_back(std::move(first));
      d->values.push_back(std::move(v));
      dict_rest(*d, value_start);
      return d;
    }
    if (at_comp_for()) {
      if (first->kind == ExprKind::Starred) {
        error("iterable unpacking cannot be used in comprehension", first->loc);
      }
      ExprP s = node(ExprKind::SetComp, start);
      s->a = std::move(first);
      s->comps = comprehension_clauses();
      expect_close(Tok::RBrace, nullptr, start);
      --bracket_depth_;
      close(*s);
      return s;
    }
    ExprP s = node(ExprKind::Set, start);
    s->elts.push_back(std::move(first));
    display_rest(s->elts, Tok::RBrace, first_start);
    --bracket_depth_;
    close(*s);
    return s;
  }

  // ':' and the value of a dict display item, with CPython's
  // invalid_kvpair messages.
  ExprP dict_value(Loc& value_start) {
    Loc colon = peek().loc;
    advance();
    if (at(Tok::RBrace) || at(Tok::Comma)) error("expression expected after dictionary key and ':'", colon);
    value_start = peek().loc;
    if (at(Tok::Star)) {
      advance();
      (void)binary(1);
      error("cannot use a starred expression in a dictionary value", span(value_start));
    }
    return expression();
  }

  void dict_rest(Expr& d, const Loc& first_value_start) {
    Loc last_start = first_value_start;
    while (accept(Tok::Comma)) {
      if (at(Tok::RBrace)) break;
      last_start = peek().loc;
      if (accept(Tok::DoubleStar)) {
        d.keys.push_back(nullptr);
        d.values.push_back(binary(1));
        continue;
      }
      ExprP k = expression();
      if (!at(Tok::Colon)) {
        int col = std::max(0, k->loc.end_col - 1);
        error("':' expected after dictionary key", {k->loc.end_line, col, k->loc.end_line, col});
      }
      d.keys.push_back(std::move(k));
      d.values.push_back(dict_value(last_start));
    }
    expect_close(Tok::RBrace, d.values.back().get(), last_start);
    --bracket_depth_;
    close(d);
  }

  // §6.2.4 the for/if clauses of a comprehension.
  std::vector<Comprehension> comprehension_clauses() {
    std::vector<Comprehension> comps;
    while (at_comp_for()) {
      Comprehension c;
      if (accept(Tok::Async)) c.is_async = true;
      advance();  // for
      Loc target_start = peek().loc;
      c.target = target_list();
      check_target(*c.target, TargetCtx::For);
      if (!accept(Tok::In)) fail_after_element(c.target.get(), target_start);
      c.iter = disjunction();
      while (accept(Tok::If)) c.ifs.push_back(disjunction());
      comps.push_back(std::move(c));
    }
    return comps;
  }

  // The target list of for and comprehensions: stops before 'in', so its
  // items are parsed above the comparisons.
  ExprP target_list() {
    Loc start = peek().loc;
    ExprP first = star_target();
    if (!at(Tok::Comma)) return first;
    ExprP t = node(ExprKind::Tuple, start);
    t->elts.push_back(std::move(first));
    while (accept(Tok::Comma)) {
      if (!starts_expression(kind()) && !at(Tok::Star)) break;
      t->elts.push_back(star_target());
    }
    close(*t);
    return t;
  }

  ExprP star_target() {
    if (!at(Tok::Star)) return binary(1);
    Loc start = peek().loc;
    advance();
    ExprP e = node(ExprKind::Starred, start);
    e->a = binary(1);
    close(*e);
    return e;
  }

  // §6.2.9 Yield expressions.
  ExprP yield_expression() {
    Loc start = peek().loc;
    advance();
    if (accept(Tok::From)) {
      ExprP e = node(ExprKind::YieldFrom, start);
      e->a = expression();
      close(*e);
      return e;
    }
    ExprP e = node(ExprKind::Yield, start);
    if (starts_expression(kind()) || at(Tok::Star)) e->a = star_expressions();
    close(*e);
    return e;
  }

  // --------------------------------------------------------------- strings

  // Adjacent string literals are one atom (§2.4.2): all bytes or none; any
  // f-string makes the whole a JoinedStr.
  ExprP strings() {
    std::vector<Token> toks;
    while (at(Tok::String)) toks.push_back(advance());
    Loc loc = span(toks[0].loc);
    bool bytes = (toks[0].flags & kStrBytes) != 0;
    bool any_f = false;
    for (const Token& t : toks) {
      if (((t.flags & kStrBytes) != 0) != bytes) error("cannot mix bytes and nonbytes literals", loc);
      any_f |= (t.flags & kStrFormat) != 0;
    }
    if (bytes) {
      ExprP e = node(ExprKind::Bytes, loc);
      e->loc = loc;
      for (const Token& t : toks) decode_bytes(t, e->text);
      return e;
    }
    if (!any_f) {
      ExprP e = node(ExprKind::Str, loc);
      e->loc = loc;
      for (const Token& t : toks) {
        auto [b, end] = body_of(t);
        decode_str(t, b, end, (t.flags & kStrRaw) != 0, e->text);
      }
      return e;
    }
    ExprP j = node(ExprKind::JoinedStr, loc);
    j->loc = loc;
    std::string pending;
    for (const Token& t : toks) {
      auto [b, end] = body_of(t);
      bool raw = (t.flags & kStrRaw) != 0;
      if (t.flags & kStrFormat) {
        fstring_segment(t, raw, b, end, 0, j->elts, pending, loc);
      } else {
        decode_str(t, b, end, raw, pending);
      }
    }
    flush_literal(j->elts, pending, loc);
    return j;
  }

  // [begin, end) byte offsets of a string token's body, between the quotes.
  std::pair<std::size_t, std::size_t> body_of(const Token& t) {
    std::size_t prefix = 0;
    while (t.text[prefix] != '\'' && t.text[prefix] != '"') ++prefix;
    std::size_t q = (t.flags & kStrTriple) ? 3 : 1;
    return {t.offset + prefix + q, t.offset + t.text.size() - q};
  }

  // Position of byte offset `off` inside token `t` (which may span lines).
  void locate(const Token& t, std::size_t off, int& line, std::size_t& line_start) {
    line = t.loc.line;
    line_start = t.offset;
    while (line_start > 0 && src_[line_start - 1] != '\n' && src_[line_start - 1] != '\r') --line_start;
    for (std::size_t i = t.offset; i < off; ++i) {
      if (src_[i] == '\n' || (src_[i] == '\r' && (i + 1 >= src_.size() || src_[i + 1] != '\n'))) {
        ++line;
        line_start = i + 1;
      }
    }
  }
  Loc loc_in(const Token& t, std::size_t off) {
    int line;
    std::size_t ls;
    locate(t, off, line, ls);
    int col = Lexer::column_of(src_, ls, off);
    return {line, col, line, col + 1};
  }

  [[noreturn]] void unicode_error(const Token& t, std::string what) {
    error(fmt::format("(unicode error) {}", what), t.loc);
  }

  // One escape sequence of a str literal at src_[i] == '\\' (§2.4.1.1);
  // returns the offset after it. Unknown escapes keep the backslash.
  std::size_t str_escape(const Token& t, std::size_t body, std::size_t i, std::size_t end,
                         std::string& out) {
    if (i + 1 >= end) {
      out += '\\';
      return i + 1;
    }
    char c = src_[i + 1];
    auto hex_escape = [&](int digits, const char* name) {
      char32_t v = 0;
      int n = 0;
      while (n < digits && i + 2 + n < end && hex_value(src_[i + 2 + n]) >= 0) {
        v = v * 16 + hex_value(src_[i + 2 + n]);
        ++n;
      }
      std::size_t pos = i - body;
      if (n < digits) {
        unicode_error(t, fmt::format("'unicodeescape' codec can't decode bytes in position {}-{}: truncated {} escape",
                                     pos, pos + 1 + n, name));
      }
      if (v > 0x10FFFF) {
        unicode_error(t, fmt::format("'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                                     pos, pos + 1 + n));
      }
      out += utf8(v);
      return i + 2 + n;
    };
    switch (c) {
      case '\n': return i + 2;  // backslash-newline: line continuation inside the string
      case '\r': return (i + 2 < end && src_[i + 2] == '\n') ? i + 3 : i + 2;
      case '\\': out += '\\'; return i + 2;
      case '\'': out += '\''; return i + 2;
      case '"': out += '"'; return i + 2;
      case 'a': out += '\a'; return i + 2;
      case 'b': out += '\b'; return i + 2;
      case 'f': out += '\f'; return i + 2;
      case 'n': out += '\n'; return i + 2;
      case 'r': out += '\r'; return i + 2;
      case 't': out += '\t'; return i + 2;
      case 'v': out += '\v'; return i + 2;
      case 'x': return hex_escape(2, "\\xXX");
      case 'u': return hex_escape(4, "\\uXXXX");
      case 'U': return hex_escape(8, "\\UXXXXXXXX");
      case 'N': {  // \N{NAME}
        std::size_t pos = i - body;
        std::size_t close = i + 2;
        if (close < end && src_[close] == '{') {
          while (close < end && src_[close] != '}') ++close;
        }
        if (i + 2 >= end || src_[i + 2] != '{' || close >= end || close == i + 3) {
          unicode_error(t, fmt::format("'unicodeescape' codec can't decode bytes in position {}-{}: malformed \\N character escape",
                                       pos, std::min(close, end) - 1 - body));
        }
        std::optional<char32_t> cp = lookup_unicode_name(src_.substr(i + 3, close - i - 3));
        if (!cp) {
          unicode_error(t, fmt::format("'unicodeescape' codec can't decode bytes in position {}-{}: unknown Unicode character name"
                                       " (gilvm knows the names of common characters only)",
                                       pos, close - body));
        }
        out += utf8(*cp);
        return close + 1;
      }
      default:
        if (c >= '0' && c <= '7') {
          char32_t v = 0;
          std::size_t j = i + 1;
          for (int n = 0; n < 3 && j < end && src_[j] >= '0' && src_[j] <= '7'; ++n, ++j) {
            v = v * 8 + (src_[j] - '0');
          }
          out += utf8(v);
          return j;
        }
        out += '\\';
        return i + 1;
    }
  }

  void decode_str(const Token& t, std::size_t b, std::size_t end, bool raw, std::string& out) {
    for (std::size_t i = b; i < end;) {
      char c = src_[i];
      if (c == '\\' && !raw) {
        i = str_escape(t, b, i, end, out);
      } else if (c == '\r') {  // universal newlines
        out += '\n';
        i += (i + 1 < end && src_[i + 1] == '\n') ? 2 : 1;
      } else {
        out += c;
        ++i;
      }
    }
  }

  void decode_bytes(const Token& t, std::string& out) {
    auto [b, end] = body_of(t);
    bool raw = (t.flags & kStrRaw) != 0;
    for (std::size_t i = b; i < end; ++i) {
      if (static_cast<unsigned char>(src_[i]) >= 0x80) {
        error("bytes can only contain ASCII literal characters", t.loc);
      }
    }
    for (std::size_t i = b; i < end;) {
      char c = src_[i];
      if (c == '\r') {
        out += '\n';
        i += (i + 1 < end && src_[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      if (c != '\\' || raw || i + 1 >= end) {
        out += c;
        ++i;
        continue;
      }
      char n = src_[i + 1];
      std::size_t next = i + 2;
      switch (n) {
        case '\n': break;
        case '\r':
          if (next < end && src_[next] == '\n') ++next;
          break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': {
          if (i + 3 < end && hex_value(src_[i + 2]) >= 0 && hex_value(src_[i + 3]) >= 0) {
            out += static_cast<char>(hex_value(src_[i + 2]) * 16 + hex_value(src_[i + 3]));
            next = i + 4;
          } else {
            error(fmt::format("(value error) invalid \\x escape at position {}", i - b), t.loc);
          }
          break;
        }
        default:
          if (n >= '0' && n <= '7') {
            unsigned v = 0;
            next = i + 1;
            for (int k = 0; k < 3 && next < end && src_[next] >= '0' && src_[next] <= '7'; ++k, ++next) {
              v = v * 8 + (src_[next] - '0');
            }
            out += static_cast<char>(v & 0xFF);
          } else {
            out += '\\';
            next = i + 1;
          }
      }
      i = next;
    }
  }

  void flush_literal(ExprList& parts, std::string& pending, const Loc& loc) {
    if (pending.empty()) return;
    ExprP s = node(ExprKind::Str, loc);
    s->loc = loc;
    s->text = std::move(pending);
    pending.clear();
    parts.push_back(std::move(s));
  }

  [[noreturn]] void fstring_error(const Token& t, std::size_t off, std::string message) {
    error(std::move(message), loc_in(t, off));
  }

  // Literal text and replacement fields of an f-string body from `i`, up
  // to `end` (level 0) or to the '}' that closes a format spec (level > 0,
  // whose position is returned). Follows CPython 3.11's
  // fstring_find_literal: doubled braces only at the top level.
  std::size_t fstring_segment(const Token& t, bool raw, std::size_t i, std::size_t end, int level,
                              ExprList& parts, std::string& pending, const Loc& loc) {
    while (i < end) {
      char c = src_[i];
      if (c == '\\' && !raw) {
        if (i + 1 < end && (src_[i + 1] == '{' || src_[i + 1] == '}')) {
          pending += '\\';
          ++i;
          continue;
        }
        i = str_escape(t, body_of(t).first, i, end, pending);
        continue;
      }
      if (c == '{' || c == '}') {
        if (level == 0 && i + 1 < end && src_[i + 1] == c) {
          pending += c;
          i += 2;
          continue;
        }
        if (c == '}') {
          if (level == 0) fstring_error(t, i, "f-string: single '}' is not allowed");
          return i;
        }
        i = fstring_field(t, raw, i, end, level, parts, pending, loc);
        continue;
      }
      if (c == '\r') {
        pending += '\n';
        i += (i + 1 < end && src_[i + 1] == '\n') ? 2 : 1;
        continue;
      }
      pending += c;
      ++i;
    }
    return i;
  }

  // A replacement field at src_[i] == '{' (§2.4.3): expression, optional
  // '=', conversion and format spec; returns the offset after its '}'.
  std::size_t fstring_field(const Token& t, bool raw, std::size_t i, std::size_t end, int level,
                            ExprList& parts, std::string& pending, const Loc& loc) {
    if (level >= 2) fstring_error(t, i, "f-string: expressions nested too deeply");
    std::size_t expr_begin = i + 1;
    std::size_t j = expr_begin;
    char quote = 0;
    bool triple = false;
    std::string stack;
    for (; j < end; ++j) {
      char ch = src_[j];
      if (ch == '\\') fstring_error(t, j, "f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote) {
          if (!triple) {
            quote = 0;
          } else if (j + 2 < end && src_[j + 1] == ch && src_[j + 2] == ch) {
            j += 2;
            quote = 0;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        triple = j + 2 < end && src_[j + 1] == ch && src_[j + 2] == ch;
        if (triple) j += 2;
        quote = ch;
      } else if (ch == '[' || ch == '(' || ch == '{') {
        if (stack.size() >= 200) fstring_error(t, j, "f-string: too many nested parenthesis");
        stack += ch;
      } else if (ch == '#') {
        fstring_error(t, j, "f-string expression part cannot include '#'");
      } else if (stack.empty() && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
        if (j + 1 < end) {
          char nx = src_[j + 1];
          if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && nx == '=') {
            ++j;  // != == <= >=
            continue;
          }
        }
        if (ch == '>' || ch == '<') continue;
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (stack.empty()) fstring_error(t, j, fmt::format("f-string: unmatched '{}'", ch));
        char open = stack.back();
        stack.pop_back();
        if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
          fstring_error(t, j,
                        fmt::format("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                                    ch, open));
        }
      }
    }
    if (quote) fstring_error(t, j, "f-string: unterminated string");
    if (!stack.empty()) fstring_error(t, j, fmt::format("f-string: unmatched '{}'", stack.back()));
    if (j >= end) fstring_error(t, end, "f-string: expecting '}'");
    std::size_t expr_end = j;
    bool blank = true;
    for (std::size_t k = expr_begin; k < expr_end; ++k) blank &= is_space(src_[k]);
    if (blank) fstring_error(t, expr_end, "f-string: empty expression not allowed");

    ExprP value = field_expression(t, expr_begin, expr_end);

    bool debug = false;
    std::string debug_text;
    if (src_[j] == '=') {  // f"{x=}" (Python 3.8): the text, then repr
      ++j;
      while (j < end && is_space(src_[j])) ++j;
      if (j >= end) fstring_error(t, end, "f-string: expecting '}'");
      debug = true;
      decode_str(t, expr_begin, j, true, debug_text);
    }
    char conversion = 0;
    if (src_[j] == '!') {
      ++j;
      if (j >= end) fstring_error(t, end, "f-string: expecting '}'");
      conversion = src_[j];
      if (conversion != 's' && conversion != 'r' && conversion != 'a') {
        fstring_error(t, j, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
      ++j;
    }
    if (j >= end) fstring_error(t, end, "f-string: expecting '}'");
    ExprP spec;
    if (src_[j] == ':') {
      ++j;
      spec = node(ExprKind::JoinedStr, loc);
      spec->loc = loc;
      std::string spec_pending;
      j = fstring_segment(t, raw, j, end, level + 1, spec->elts, spec_pending, loc);
      flush_literal(spec->elts, spec_pending, loc);
    }
    if (j >= end || src_[j] != '}') fstring_error(t, std::min(j, end), "f-string: expecting '}'");
    ++j;
    if (debug) {
      pending += debug_text;
      if (!conversion && !spec) conversion = 'r';
    }
    flush_literal(parts, pending, loc);
    ExprP fv = node(ExprKind::FormattedValue, loc);
    fv->loc = loc;
    fv->a = std::move(value);
    fv->conversion = conversion;
    fv->b = std::move(spec);
    parts.push_back(std::move(fv));
    return j;
  }

  // Parses the expression of a replacement field with a nested parser
  // over that range of the source; its errors say "f-string: ...".
  ExprP field_expression(const Token& t, std::size_t b, std::size_t e) {
    int line;
    std::size_t line_start;
    locate(t, b, line, line_start);
    Parser sub(src_, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), line,
               static_cast<std::uint32_t>(line_start), depth_ + 1);
    try {
      return sub.fstring_expression();
    } catch (ParseFailure& f) {
      // CPython prefixes the parser's errors, not the tokenizer's
      if (!f.from_lexer && f.info.message.rfind("f-string", 0) != 0) f.info.message = "f-string: " + f.info.message;
      f.from_lexer = false;
      f.at_eof = false;
      f.info.incomplete = false;
      throw;
    }
  }

  std::string_view src_;
  Lexer lex_;
  std::deque<Token> toks_;  // references stay valid as tokens are appended
  std::size_t pos_ = 0;
  Pos prev_end_{1, 0};
  int furthest_line_ = 0;  // line of the last token pulled from the lexer
  int depth_ = 0;
  int bracket_depth_ = 0;
  // Parenthesised tuples: `(a, b) = ...` and `a, b = ...` differ in some
  // error messages, and the tree does not record parentheses.
  std::unordered_set<const Expr*> parenthesized_;
};

}  // namespace

ParseResult parse(std::string_view source, std::string filename, ParseMode mode) {
  ParseResult result;
  std::string_view src = source;
  if (src.size() >= 3 && src.substr(0, 3) == "\xEF\xBB\xBF") src.remove_prefix(3);  // UTF-8 BOM
  Parser parser(src);
  try {
    switch (mode) {
      case ParseMode::File:
        parser.file_input(result.module.body);
        break;
      case ParseMode::Interactive:
        parser.interactive_input(result.module.body);
        break;
      case ParseMode::Eval:
        result.expression = parser.eval_input();
        break;
    }
    result.ok = true;
  } catch (ParseFailure& caught) {
    ParseFailure f = parser.prefer_scanner_error(std::move(caught));
    result.module.body.clear();
    result.expression.reset();
    result.error = std::move(f.info);
    SyntaxErrorInfo& e = result.error;
    e.filename = std::move(filename);
    e.source_line = line_text(src, e.line);
    if (f.end_line > e.line) e.end_col = code_points(e.source_line);  // caret to the end of the line
    if (!f.from_lexer && f.at_eof) {
      // the parser ran out of input: the REPL can ask for more, unless an
      // empty line already ended the entry
      e.incomplete = mode != ParseMode::Interactive || !ends_with_blank_line(src);
    }
  }
  return result;
}

}  // namespace gilvm::front
