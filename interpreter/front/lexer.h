// The scanner: UTF-8 source text in, a stream of tokens out.
//
// It follows the Python Language Reference, chapter 2 "Lexical analysis",
// and CPython 3.11's Parser/tokenizer.c where the reference leaves details
// open (error messages, error positions, the INDENT/DEDENT algorithm):
//
//   - §2.1 Line structure. A logical line ends with a NEWLINE token. Blank
//     lines and comment-only lines produce nothing (§2.1.7). Inside (), []
//     and {} newlines are ignored (implicit line joining, §2.1.6); a
//     backslash just before a newline joins two physical lines (explicit
//     joining, §2.1.5).
//   - §2.1.8 Indentation. At the start of each logical line the leading
//     whitespace is measured (tabs advance to the next multiple of 8, a
//     form feed resets the count) and compared with a stack of
//     indentation levels: deeper pushes and yields INDENT, shallower pops
//     and yields one DEDENT per popped level and must land exactly on an
//     outer level ("unindent does not match any outer indentation level").
//     As in CPython, the measure is repeated with tabs counted as one
//     column; when the two measures disagree about the comparison the
//     indentation depends on the tab size and we raise TabError.
//   - §2.3 Identifiers and keywords: ASCII letters, digits and '_', plus
//     any non-ASCII code point that is not a known punctuation, symbol,
//     space or emoji code point (a deliberately simple stand-in for the
//     XID_Start/XID_Continue tables; no NFKC normalisation).
//   - §2.4 Literals: the scanner only finds where a string or number ends
//     and classifies it (Token::flags); decoding escapes, converting
//     numbers and parsing f-string replacement fields is the parser's job
//     (front/parser.cpp), because f-string fields need the expression
//     parser.
//
// Tokens do not own text: Token::text is a view into the source, so the
// source must outlive the tokens. The scanner never copies the source.
// Columns are counted in code points (Loc), computed incrementally so a
// line is walked once.
//
// The source must be UTF-8 without NUL bytes; each line is checked when the
// scanner reaches it (as CPython decodes line by line), so a syntax error
// on an earlier line is still the one reported. A NEWLINE that follows a
// comment spans the comment, as in CPython, so a caret "at the end of the
// line" lands where CPython puts it.
//
// Errors: next() returns a token of kind Tok::Error and error() describes
// it (message, position, and whether more input could complete it, for the
// REPL). After an error every further call returns Tok::Error again.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "front/ast.h"
#include "front/parser.h"

namespace gilvm::front {

// Every token kind: T(enum name, spelling). Operators and keywords are
// spelled as in the source; the others with CPython's token names.
#define GILVM_TOKEN_KINDS(T)                                                   \
  T(EndMarker, "ENDMARKER") T(Newline, "NEWLINE") T(Indent, "INDENT")          \
  T(Dedent, "DEDENT") T(Name, "NAME") T(Number, "NUMBER") T(String, "STRING")  \
  T(Unknown, "ERRORTOKEN") T(Error, "ERROR")                                   \
  T(LParen, "(") T(RParen, ")") T(LBracket, "[") T(RBracket, "]")              \
  T(LBrace, "{") T(RBrace, "}") T(Colon, ":") T(Comma, ",") T(Semi, ";")       \
  T(Plus, "+") T(Minus, "-") T(Star, "*") T(Slash, "/") T(VBar, "|")           \
  T(Amper, "&") T(Less, "<") T(Greater, ">") T(Equal, "=") T(Dot, ".")         \
  T(Percent, "%") T(EqEqual, "==") T(NotEqual, "!=") T(LessEqual, "<=")        \
  T(GreaterEqual, ">=") T(Tilde, "~") T(Circumflex, "^") T(LeftShift, "<<")    \
  T(RightShift, ">>") T(DoubleStar, "**") T(PlusEqual, "+=")                   \
  T(MinEqual, "-=") T(StarEqual, "*=") T(SlashEqual, "/=")                     \
  T(PercentEqual, "%=") T(AmperEqual, "&=") T(VBarEqual, "|=")                 \
  T(CircumflexEqual, "^=") T(LeftShiftEqual, "<<=")                            \
  T(RightShiftEqual, ">>=") T(DoubleStarEqual, "**=") T(DoubleSlash, "//")     \
  T(DoubleSlashEqual, "//=") T(At, "@") T(AtEqual, "@=") T(RArrow, "->")       \
  T(Ellipsis, "...") T(ColonEqual, ":=")                                       \
  /* keywords (§2.3.1); soft keywords (match, case, type, _) stay Name */      \
  T(False, "False") T(None, "None") T(True, "True") T(And, "and")              \
  T(As, "as") T(Assert, "assert") T(Async, "async") T(Await, "await")          \
  T(Break, "break") T(Class, "class") T(Continue, "continue") T(Def, "def")    \
  T(Del, "del") T(Elif, "elif") T(Else, "else") T(Except, "except")           \
  T(Finally, "finally") T(For, "for") T(From, "from") T(Global, "global")      \
  T(If, "if") T(Import, "import") T(In, "in") T(Is, "is") T(Lambda, "lambda")  \
  T(Nonlocal, "nonlocal") T(Not, "not") T(Or, "or") T(Pass, "pass")            \
  T(Raise, "raise") T(Return, "return") T(Try, "try") T(While, "while")        \
  T(With, "with") T(Yield, "yield")

enum class Tok : unsigned char {
#define GILVM_TOKEN_ENUM(name, spelling) name,
  GILVM_TOKEN_KINDS(GILVM_TOKEN_ENUM)
#undef GILVM_TOKEN_ENUM
};

// "(" for Tok::LParen, "if" for Tok::If, "NAME" for Tok::Name, ...
[[nodiscard]] const char* tok_spelling(Tok kind);

// Token::flags for Number tokens (low two bits).
inline constexpr std::uint8_t kNumInt = 0;
inline constexpr std::uint8_t kNumFloat = 1;
inline constexpr std::uint8_t kNumImaginary = 2;
inline constexpr std::uint8_t kNumKindMask = 3;
// Token::flags for String tokens: the prefix letters and the quoting.
inline constexpr std::uint8_t kStrRaw = 1;      // r / R
inline constexpr std::uint8_t kStrBytes = 2;    // b / B
inline constexpr std::uint8_t kStrFormat = 4;   // f / F
inline constexpr std::uint8_t kStrTriple = 8;   // ''' or """
// Any token synthesised at end of input (the DEDENTs that close open
// blocks, the ENDMARKER): the parser reports "needs more input" when it
// fails on one of these.
inline constexpr std::uint8_t kAtEof = 0x80;

struct Token {
  Tok kind = Tok::EndMarker;
  std::uint8_t flags = 0;
  // start line/col and end line/col (one past the last code point)
  Loc loc;
  // byte offset of the first character in the source
  std::uint32_t offset = 0;
  // the characters of the token, a view into the source (for a String the
  // prefix and the quotes included; empty for INDENT, DEDENT, ENDMARKER and
  // a NEWLINE synthesised at end of input)
  std::string_view text;
};

class Lexer {
 public:
  // Scans a whole module. `source` must outlive the lexer and its tokens.
  explicit Lexer(std::string_view source);

  // Scans source[begin, end), the expression of an f-string replacement
  // field: no NEWLINE/INDENT/DEDENT (the text behaves as if it were inside
  // brackets), ENDMARKER at `end`. `line` and `line_start` (the byte offset
  // where that line begins) give the position of `begin`, so locations are
  // positions in the real source.
  Lexer(std::string_view source, std::uint32_t begin, std::uint32_t end, int line,
        std::uint32_t line_start);

  // The next token. After ENDMARKER, ENDMARKER again; after an error,
  // Tok::Error again.
  [[nodiscard]] Token next();

  [[nodiscard]] bool failed() const { return failed_; }
  // The error (type, message, line, col, end_col, incomplete); filename and
  // source_line are left for the parser to fill in.
  [[nodiscard]] const SyntaxErrorInfo& error() const { return error_; }
  // When the error is "'(' was never closed": the line of that bracket
  // (CPython prefers this error to a later parser error only when the
  // parser's error is on a later line), else 0.
  [[nodiscard]] int unclosed_bracket_line() const { return unclosed_bracket_line_; }
  // Errors that CPython's tokenizer reports through a status code rather
  // than an exception (indentation, tabs, line continuation, end of input
  // after a backslash): they do not displace an earlier parser error.
  [[nodiscard]] bool error_is_weak() const { return weak_error_; }

  // Column, in code points, of byte offset `pos` on the line starting at
  // byte offset `line_start` (pos >= line_start).
  [[nodiscard]] static int column_of(std::string_view source, std::size_t line_start,
                                     std::size_t pos);

 private:
  enum class Mode : unsigned char { Module, FStringExpr };
  struct Bracket {
    char ch;
    int line;
    int col;
  };

  Token scan();
  bool indentation(Token& out);
  Token at_end();
  Token name_or_string();
  Token number();
  Token string(std::size_t start, int prefix_flags);
  Token op();

  Token make(Tok kind, std::size_t start, std::size_t end, std::uint8_t flags = 0);
  Token synthetic(Tok kind);
  Token fail(std::string type, std::string message, int line, int col, int end_col,
             bool incomplete = false);
  Token fail_at(std::string message, std::size_t pos);
  void newline_consumed(std::size_t next_line_start);
  int col_at(std::size_t pos);
  bool validate_upto(std::size_t pos);
  Token error_token() const;

  std::string_view src_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  Mode mode_ = Mode::Module;

  int line_ = 1;
  std::size_t line_start_ = 0;
  // col_at() cache: code points between line_start_ and cache_pos_
  std::size_t cache_line_start_ = 0;
  std::size_t cache_pos_ = 0;
  int cache_col_ = 0;

  static constexpr std::size_t kNoComment = ~std::size_t{0};
  std::size_t comment_at_ = kNoComment;  // a comment skipped on this line

  bool at_line_start_ = true;   // the next token begins a logical line
  int pending_dedents_ = 0;
  std::vector<int> indents_{0};     // indentation stack, tabs to multiples of 8
  std::vector<int> alt_indents_{0};  // the same with tabs counted as 1
  std::vector<Bracket> brackets_;

  // UTF-8/NUL checking runs ahead line by line: bytes before validated_to_
  // (the start of line validated_line_ + 1) are known good.
  std::size_t validated_to_ = 0;
  int validated_line_ = 1;

  bool failed_ = false;
  SyntaxErrorInfo error_;
  int unclosed_bracket_line_ = 0;
  bool weak_error_ = false;
  bool ended_ = false;  // ENDMARKER was produced
};

// Scans all of `source` (tests and tools): the tokens up to and including
// ENDMARKER, or up to and including the Tok::Error token.
[[nodiscard]] std::vector<Token> tokenize(std::string_view source, SyntaxErrorInfo* error = nullptr);

}  // namespace gilvm::front
