// Unit tests of the scanner (front/lexer.h): token streams for tricky
// inputs, token positions, and the scanner's error messages, which follow
// CPython 3.11's tokenizer.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>

#include "front/lexer.h"

using namespace gilvm::front;

namespace {

// The tokens of `src` as one line of text: NAME(x) NUMBER(1) STRING('a')
// for the three kinds with text, the spelling for operators and keywords,
// NEWLINE INDENT DEDENT ENDMARKER, and for an error
// `ERROR(Type: message @line:col)`.
std::string lex(std::string_view src) {
  SyntaxErrorInfo error;
  std::string out;
  for (const Token& t : tokenize(src, &error)) {
    if (!out.empty()) out += ' ';
    switch (t.kind) {
      case Tok::Name: out += fmt::format("NAME({})", t.text); break;
      case Tok::Number: out += fmt::format("NUMBER({})", t.text); break;
      case Tok::String: out += fmt::format("STRING({})", t.text); break;
      case Tok::Error:
        out += fmt::format("ERROR({}: {} @{}:{}{})", error.type, error.message, error.line, error.col,
                           error.incomplete ? " incomplete" : "");
        break;
      default: out += tok_spelling(t.kind); break;
    }
  }
  return out;
}

// The error of a source that fails to scan: "Type: message @line:col".
std::string lex_error(std::string_view src) {
  SyntaxErrorInfo error;
  auto toks = tokenize(src, &error);
  if (toks.back().kind != Tok::Error) return "no error";
  return fmt::format("{}: {} @{}:{}", error.type, error.message, error.line, error.col);
}

std::string loc(const Token& t) {
  return fmt::format("{}:{}-{}:{}", t.loc.line, t.loc.col, t.loc.end_line, t.loc.end_col);
}

}  // namespace

TEST_CASE("lexer: simple statement", "[lexer]") {
  CHECK(lex("x = 1\n") == "NAME(x) = NUMBER(1) NEWLINE ENDMARKER");
  CHECK(lex("") == "ENDMARKER");
  CHECK(lex("\n\n") == "ENDMARKER");
}

TEST_CASE("lexer: a last line without newline still ends with NEWLINE", "[lexer]") {
  CHECK(lex("x") == "NAME(x) NEWLINE ENDMARKER");
  CHECK(lex("if x:\n  y") == "if NAME(x) : NEWLINE INDENT NAME(y) NEWLINE DEDENT ENDMARKER");
}

TEST_CASE("lexer: keywords and soft keywords", "[lexer]") {
  CHECK(lex("if not x is None: pass") == "if not NAME(x) is None : pass NEWLINE ENDMARKER");
  CHECK(lex("match case type _") == "NAME(match) NAME(case) NAME(type) NAME(_) NEWLINE ENDMARKER");
  CHECK(lex("async await lambda yield") == "async await lambda yield NEWLINE ENDMARKER");
  CHECK(lex("iff Trueish") == "NAME(iff) NAME(Trueish) NEWLINE ENDMARKER");
}

TEST_CASE("lexer: INDENT and DEDENT", "[lexer]") {
  CHECK(lex("if x:\n    y\n    z\nw\n") ==
        "if NAME(x) : NEWLINE INDENT NAME(y) NEWLINE NAME(z) NEWLINE DEDENT NAME(w) NEWLINE ENDMARKER");
  // several levels closed at once, and at end of input
  CHECK(lex("a:\n b:\n  c\nd\n") ==
        "NAME(a) : NEWLINE INDENT NAME(b) : NEWLINE INDENT NAME(c) NEWLINE DEDENT DEDENT NAME(d) NEWLINE "
        "ENDMARKER");
  CHECK(lex("a:\n b:\n  c\n") ==
        "NAME(a) : NEWLINE INDENT NAME(b) : NEWLINE INDENT NAME(c) NEWLINE DEDENT DEDENT ENDMARKER");
}

TEST_CASE("lexer: blank and comment-only lines produce nothing", "[lexer]") {
  CHECK(lex("x\n\n   \n        # deep comment\n\t\ny  # tail\n") ==
        "NAME(x) NEWLINE NAME(y) NEWLINE ENDMARKER");
  CHECK(lex("# only a comment") == "ENDMARKER");
  CHECK(lex("if x:\n    a\n\n# c\n    b\n") ==
        "if NAME(x) : NEWLINE INDENT NAME(a) NEWLINE NAME(b) NEWLINE DEDENT ENDMARKER");
}

TEST_CASE("lexer: implicit line joining inside brackets", "[lexer]") {
  CHECK(lex("x = (1,\n       2)  # c\n") == "NAME(x) = ( NUMBER(1) , NUMBER(2) ) NEWLINE ENDMARKER");
  CHECK(lex("f(a,\n# comment\n\n  b)\ny") == "NAME(f) ( NAME(a) , NAME(b) ) NEWLINE NAME(y) NEWLINE ENDMARKER");
  // indentation inside brackets is ignored
  CHECK(lex("if x:\n  y = [\n1,\n      2]\n  z\n") ==
        "if NAME(x) : NEWLINE INDENT NAME(y) = [ NUMBER(1) , NUMBER(2) ] NEWLINE NAME(z) NEWLINE DEDENT "
        "ENDMARKER");
}

TEST_CASE("lexer: backslash continuation", "[lexer]") {
  CHECK(lex("x = 1 + \\\n    2\n") == "NAME(x) = NUMBER(1) + NUMBER(2) NEWLINE ENDMARKER");
  CHECK(lex("if a and \\\n  b:\n  c\n") ==
        "if NAME(a) and NAME(b) : NEWLINE INDENT NAME(c) NEWLINE DEDENT ENDMARKER");
  CHECK(lex_error("x = 1 \\ 2") == "SyntaxError: unexpected character after line continuation character @1:7");
  CHECK(lex("x = 1 \\\n") == "NAME(x) = NUMBER(1) ERROR(SyntaxError: unexpected EOF while parsing @1:7 incomplete)");
}

TEST_CASE("lexer: tabs count to the next multiple of 8", "[lexer]") {
  CHECK(lex("if x:\n\ty\n\tz\n") == "if NAME(x) : NEWLINE INDENT NAME(y) NEWLINE NAME(z) NEWLINE DEDENT ENDMARKER");
  // a tab and 8 spaces are the same level only for one tab size: TabError
  CHECK(lex_error("if True:\n\tx = 1\n        y = 2\n") ==
        "TabError: inconsistent use of tabs and spaces in indentation @3:0");
  // form feed resets the indentation count
  CHECK(lex("\fx\n") == "NAME(x) NEWLINE ENDMARKER");
}

TEST_CASE("lexer: CRLF and CR line endings", "[lexer]") {
  CHECK(lex("if x:\r\n  y\r\nz\r\n") == "if NAME(x) : NEWLINE INDENT NAME(y) NEWLINE DEDENT NAME(z) NEWLINE ENDMARKER");
  CHECK(lex("a\rb\r") == "NAME(a) NEWLINE NAME(b) NEWLINE ENDMARKER");
  auto toks = tokenize("a\r\nbb\r\n");
  CHECK(loc(toks[2]) == "2:0-2:2");
}

TEST_CASE("lexer: indentation errors", "[lexer]") {
  CHECK(lex_error("if x:\n    a\n  b\n") ==
        "IndentationError: unindent does not match any outer indentation level @3:3");
  CHECK(lex_error("def f(x):\n  return x\n y = 1") ==
        "IndentationError: unindent does not match any outer indentation level @3:6");
  std::string deep;
  for (int i = 0; i < 101; ++i) deep += std::string(i, ' ') + "if x:\n";
  CHECK(lex_error(deep) == "IndentationError: too many levels of indentation @101:0");
}

TEST_CASE("lexer: positions are 1-based lines and code-point columns", "[lexer]") {
  auto toks = tokenize("é = 'ü'\n  # c\nfoo.bar\n");
  REQUIRE(toks.size() >= 8);
  CHECK(loc(toks[0]) == "1:0-1:1");  // é: two bytes, one column
  CHECK(loc(toks[1]) == "1:2-1:3");
  CHECK(loc(toks[2]) == "1:4-1:7");
  CHECK(loc(toks[3]) == "1:7-1:8");  // NEWLINE at the end of the line
  CHECK(loc(toks[4]) == "3:0-3:3");
  CHECK(loc(toks[6]) == "3:4-3:7");
  // a triple-quoted string ends on a later line
  auto t2 = tokenize("s = '''a\nbc''' + x");
  CHECK(loc(t2[2]) == "1:4-2:5");
  CHECK(loc(t2[4]) == "2:8-2:9");
}

TEST_CASE("lexer: identifiers with non-ASCII letters", "[lexer]") {
  CHECK(lex("größe = π") == "NAME(größe) = NAME(π) NEWLINE ENDMARKER");
  CHECK(lex("日本 = 1") == "NAME(日本) = NUMBER(1) NEWLINE ENDMARKER");
  CHECK(lex_error("x = a … b") == "SyntaxError: invalid character '…' (U+2026) @1:6");
  CHECK(lex_error("🐍 = 1") == "SyntaxError: invalid character '🐍' (U+1F40D) @1:0");
  CHECK(lex_error("x = a\u00a0b") == "SyntaxError: invalid non-printable character U+00A0 @1:5");
}

TEST_CASE("lexer: numbers", "[lexer]") {
  CHECK(lex("0 00 0_0 7 1_000 0x_ff 0XAB 0o17 0b1010 0B1_0") ==
        "NUMBER(0) NUMBER(00) NUMBER(0_0) NUMBER(7) NUMBER(1_000) NUMBER(0x_ff) NUMBER(0XAB) NUMBER(0o17) "
        "NUMBER(0b1010) NUMBER(0B1_0) NEWLINE ENDMARKER");
  CHECK(lex("1.5 .5 1. 1e10 1E-3 1.5e+3 09.5 1_0.0_1e1_0") ==
        "NUMBER(1.5) NUMBER(.5) NUMBER(1.) NUMBER(1e10) NUMBER(1E-3) NUMBER(1.5e+3) NUMBER(09.5) "
        "NUMBER(1_0.0_1e1_0) NEWLINE ENDMARKER");
  CHECK(lex("3j 1.5J 1e3j 0j") == "NUMBER(3j) NUMBER(1.5J) NUMBER(1e3j) NUMBER(0j) NEWLINE ENDMARKER");
  auto toks = tokenize("1 1.0 1j");
  CHECK((toks[0].flags & kNumKindMask) == kNumInt);
  CHECK((toks[1].flags & kNumKindMask) == kNumFloat);
  CHECK((toks[2].flags & kNumKindMask) == kNumImaginary);
  // a keyword may follow a number directly (CPython 3.11 accepts it)
  CHECK(lex("1if x else 2") == "NUMBER(1) if NAME(x) else NUMBER(2) NEWLINE ENDMARKER");
  CHECK(lex("1.real") == "ERROR(SyntaxError: invalid decimal literal @1:1)");
  CHECK(lex("1 .real") == "NUMBER(1) . NAME(real) NEWLINE ENDMARKER");
  CHECK(lex("x[1:2]") == "NAME(x) [ NUMBER(1) : NUMBER(2) ] NEWLINE ENDMARKER");
}

TEST_CASE("lexer: number errors", "[lexer]") {
  const char* leading =
      "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
  CHECK(lex_error("x = 012") == fmt::format("SyntaxError: {} @1:4", leading));
  CHECK(lex_error("x = 0_7") == fmt::format("SyntaxError: {} @1:4", leading));
  CHECK(lex_error("x = 0o8") == "SyntaxError: invalid digit '8' in octal literal @1:6");
  CHECK(lex_error("x = 0b2") == "SyntaxError: invalid digit '2' in binary literal @1:6");
  CHECK(lex_error("x = 0x") == "SyntaxError: invalid hexadecimal literal @1:5");
  CHECK(lex_error("x = 0x1g") == "SyntaxError: invalid hexadecimal literal @1:6");
  CHECK(lex_error("x = 0b1_") == "SyntaxError: invalid binary literal @1:7");
  CHECK(lex_error("x = 1_") == "SyntaxError: invalid decimal literal @1:5");
  CHECK(lex_error("x = 1__0") == "SyntaxError: invalid decimal literal @1:5");
  CHECK(lex_error("x = 1e") == "SyntaxError: invalid decimal literal @1:4");
  CHECK(lex_error("x = 1e+") == "SyntaxError: invalid decimal literal @1:6");
  CHECK(lex_error("x = 12abc") == "SyntaxError: invalid decimal literal @1:5");
  CHECK(lex_error("x = 1.5abc") == "SyntaxError: invalid decimal literal @1:6");
  CHECK(lex_error("x = 1jx") == "SyntaxError: invalid imaginary literal @1:5");
}

TEST_CASE("lexer: string literals are single tokens", "[lexer]") {
  CHECK(lex(R"(a = 'x' "y" '''z''' """w""")") ==
        R"(NAME(a) = STRING('x') STRING("y") STRING('''z''') STRING("""w""") NEWLINE ENDMARKER)");
  CHECK(lex(R"(r'\d' b"x" Rb'y' bR'z' f'{x}' Fr"{y}" rF'' u'q')") ==
        R"(STRING(r'\d') STRING(b"x") STRING(Rb'y') STRING(bR'z') STRING(f'{x}') STRING(Fr"{y}") STRING(rF'') STRING(u'q') NEWLINE ENDMARKER)");
  // escaped quotes and an escaped newline do not end the literal
  CHECK(lex(R"('it\'s' "say \"hi\"" r"\"")") ==
        R"(STRING('it\'s') STRING("say \"hi\"") STRING(r"\"") NEWLINE ENDMARKER)");
  CHECK(lex("'a\\\nb'") == "STRING('a\\\nb') NEWLINE ENDMARKER");
  // not a prefix: a name followed by a string
  CHECK(lex("ur'x'") == "NAME(ur) STRING('x') NEWLINE ENDMARKER");
  CHECK(lex("bf'x'") == "NAME(bf) STRING('x') NEWLINE ENDMARKER");
  auto toks = tokenize("rb'''x'''");
  CHECK(toks[0].flags == (kStrRaw | kStrBytes | kStrTriple));
  CHECK(tokenize("f'x'")[0].flags == kStrFormat);
}

TEST_CASE("lexer: unterminated strings", "[lexer]") {
  CHECK(lex_error("x = 'abc") == "SyntaxError: unterminated string literal (detected at line 1) @1:4");
  CHECK(lex_error("x = b'abc\ny") == "SyntaxError: unterminated string literal (detected at line 1) @1:4");
  CHECK(lex_error("x = 'a\\\nb") == "SyntaxError: unterminated string literal (detected at line 2) @1:4");
  CHECK(lex("x = '''abc\ny\n") ==
        "NAME(x) = ERROR(SyntaxError: unterminated triple-quoted string literal (detected at line 2) @1:4 "
        "incomplete)");
  CHECK(lex_error("\"\"\"abc\n") ==
        "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @1:0");
}

TEST_CASE("lexer: operators take the longest match", "[lexer]") {
  CHECK(lex("a **= b //= c >>= d <<= e -> f ... g := h != i == j") ==
        "NAME(a) **= NAME(b) //= NAME(c) >>= NAME(d) <<= NAME(e) -> NAME(f) ... NAME(g) := NAME(h) != "
        "NAME(i) == NAME(j) NEWLINE ENDMARKER");
  CHECK(lex("a**-b//c<<d>>e<=f>=g@h") ==
        "NAME(a) ** - NAME(b) // NAME(c) << NAME(d) >> NAME(e) <= NAME(f) >= NAME(g) @ NAME(h) NEWLINE "
        "ENDMARKER");
  CHECK(lex("x.y..z") == "NAME(x) . NAME(y) . . NAME(z) NEWLINE ENDMARKER");
  CHECK(lex("$ ? ! `") == "ERRORTOKEN ERRORTOKEN ERRORTOKEN ERRORTOKEN NEWLINE ENDMARKER");
}

TEST_CASE("lexer: bracket errors", "[lexer]") {
  CHECK(lex_error("x = )") == "SyntaxError: unmatched ')' @1:4");
  CHECK(lex_error("x = [1, 2)") ==
        "SyntaxError: closing parenthesis ')' does not match opening parenthesis '[' @1:9");
  CHECK(lex_error("x = (1,\n 2]") ==
        "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1 @2:2");
  CHECK(lex("foo(") == "NAME(foo) ( ERROR(SyntaxError: '(' was never closed @1:3 incomplete)");
  CHECK(lex_error("x = [1,\n     2,") == "SyntaxError: '[' was never closed @1:4");
  CHECK(lex_error(std::string(201, '(')) == "SyntaxError: too many nested parentheses @1:200");
}

TEST_CASE("lexer: source encoding errors", "[lexer]") {
  CHECK(lex_error(std::string("x = 1\ny = \0", 11)) == "SyntaxError: source code cannot contain null bytes @2:4");
  CHECK(lex_error("x = '\xff'") ==
        "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 5: invalid start byte @1:5");
}

TEST_CASE("lexer: f-string field lexer works on a range of the source", "[lexer]") {
  // the expression of f"{a +\n b}" starting on line 3, column 3
  std::string src = "\n\nf\"{a +\n b}\"";
  std::uint32_t begin = static_cast<std::uint32_t>(src.find('a'));
  std::uint32_t end = static_cast<std::uint32_t>(src.find('}'));
  Lexer lexer(src, begin, end, 3, 2);
  Token a = lexer.next();
  Token plus = lexer.next();
  Token b = lexer.next();
  Token eof = lexer.next();
  CHECK(a.text == "a");
  CHECK(loc(a) == "3:3-3:4");
  CHECK(plus.kind == Tok::Plus);
  CHECK(loc(b) == "4:1-4:2");
  CHECK(eof.kind == Tok::EndMarker);
}
