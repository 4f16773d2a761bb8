// Unit tests of the parser (front/parser.h): AST shapes, checked through
// the S-expression dump of front/ast_dump.h; syntax errors with their
// positions (CPython 3.11's messages); the REPL's incomplete-input
// detection; refusals of constructs outside gilvm's subset.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>

#include "front/ast_dump.h"
#include "front/parser.h"

using namespace gilvm::front;

namespace {

// The module parsed from `src`, dumped; or the error as "Type: message @line:col".
std::string mod(std::string_view src, ParseMode mode = ParseMode::File) {
  ParseResult r = parse(src, "<test>", mode);
  if (!r.ok) return fmt::format("{}: {} @{}:{}", r.error.type, r.error.message, r.error.line, r.error.col);
  return dump(r.module);
}

// A single expression (ParseMode::Eval), dumped.
std::string ex(std::string_view src) {
  ParseResult r = parse(src, "<test>", ParseMode::Eval);
  if (!r.ok) return fmt::format("{}: {} @{}:{}", r.error.type, r.error.message, r.error.line, r.error.col);
  return dump(*r.expression);
}

std::string with_locs(std::string_view src) {
  ParseResult r = parse(src, "<test>", ParseMode::File);
  if (!r.ok) return r.error.message;
  return dump(r.module, DumpLocs::Yes);
}

SyntaxErrorInfo error_of(std::string_view src, ParseMode mode = ParseMode::File) {
  ParseResult r = parse(src, "t.py", mode);
  REQUIRE_FALSE(r.ok);
  return r.error;
}

// What the REPL does with `src`: "ok", "more" (incomplete) or the error.
std::string repl(std::string_view src) {
  ParseResult r = parse(src, "<stdin>", ParseMode::Interactive);
  if (r.ok) return "ok";
  if (r.error.incomplete) return "more";
  return fmt::format("{}: {}", r.error.type, r.error.message);
}

}  // namespace

// ------------------------------------------------------------ precedence

TEST_CASE("parser: unary minus binds looser than **", "[parser]") {
  CHECK(ex("-2**2") == "(UnaryOp Neg (BinOp Pow (Int 2) (Int 2)))");
  CHECK(ex("2**-1") == "(BinOp Pow (Int 2) (UnaryOp Neg (Int 1)))");
  CHECK(ex("2**3**2") == "(BinOp Pow (Int 2) (BinOp Pow (Int 3) (Int 2)))");
  CHECK(ex("-x.y**2") == "(UnaryOp Neg (BinOp Pow (Attribute (Name x) y) (Int 2)))");
  CHECK(ex("~-+x") == "(UnaryOp Invert (UnaryOp Neg (UnaryOp Pos (Name x))))");
}

TEST_CASE("parser: conditional expressions nest to the right", "[parser]") {
  CHECK(ex("a if b else c if d else e") == "(IfExp (Name b) (Name a) (IfExp (Name d) (Name c) (Name e)))");
  CHECK(ex("lambda: x if a else y") == "(Lambda (args) (IfExp (Name a) (Name x) (Name y)))");
  CHECK(ex("(a if b else c) if d else e") == "(IfExp (Name d) (IfExp (Name b) (Name a) (Name c)) (Name e))");
}

TEST_CASE("parser: boolean operators and not", "[parser]") {
  CHECK(ex("not a == b") == "(UnaryOp Not (Compare (Name a) Eq (Name b)))");
  CHECK(ex("a or b and not c") == "(BoolOp Or (Name a) (BoolOp And (Name b) (UnaryOp Not (Name c))))");
  CHECK(ex("a and b and c") == "(BoolOp And (Name a) (Name b) (Name c))");
  CHECK(ex("a or b or c and d") == "(BoolOp Or (Name a) (Name b) (BoolOp And (Name c) (Name d)))");
  CHECK(ex("not not x") == "(UnaryOp Not (UnaryOp Not (Name x)))");
}

TEST_CASE("parser: chained comparisons", "[parser]") {
  CHECK(ex("a < b < c") == "(Compare (Name a) Lt (Name b) Lt (Name c))");
  CHECK(ex("a not in b is not c") == "(Compare (Name a) NotIn (Name b) IsNot (Name c))");
  CHECK(ex("a == b != c <= d >= e > f is g in h") ==
        "(Compare (Name a) Eq (Name b) NotEq (Name c) LtE (Name d) GtE (Name e) Gt (Name f) Is (Name g) In "
        "(Name h))");
  CHECK(ex("a | b < c + d") == "(Compare (BinOp BitOr (Name a) (Name b)) Lt (BinOp Add (Name c) (Name d)))");
}

TEST_CASE("parser: binary operator precedence and associativity", "[parser]") {
  CHECK(ex("a | b ^ c & d << e + f * g") ==
        "(BinOp BitOr (Name a) (BinOp BitXor (Name b) (BinOp BitAnd (Name c) (BinOp LShift (Name d) "
        "(BinOp Add (Name e) (BinOp Mul (Name f) (Name g)))))))");
  CHECK(ex("a - b - c") == "(BinOp Sub (BinOp Sub (Name a) (Name b)) (Name c))");
  CHECK(ex("a / b // c % d @ e") ==
        "(BinOp MatMul (BinOp Mod (BinOp FloorDiv (BinOp Div (Name a) (Name b)) (Name c)) (Name d)) (Name e))");
  CHECK(ex("a >> b << c") == "(BinOp LShift (BinOp RShift (Name a) (Name b)) (Name c))");
  CHECK(ex("(a + b) * c") == "(BinOp Mul (BinOp Add (Name a) (Name b)) (Name c))");
  CHECK(ex("-a * b") == "(BinOp Mul (UnaryOp Neg (Name a)) (Name b))");
}

TEST_CASE("parser: primaries: calls, attributes, subscripts, slices", "[parser]") {
  CHECK(ex("f(a, *b, c=1, **d)") ==
        "(Call (Name f) (Name a) (Starred (Name b)) (= c (Int 1)) (** (Name d)))");
  CHECK(ex("print(*a, sep='')") == "(Call (Name print) (Starred (Name a)) (= sep (Str '')))");
  CHECK(ex("f(x=1, *a)") == "(Call (Name f) (Starred (Name a)) (= x (Int 1)))");
  CHECK(ex("a.b.c(d)[e]") == "(Subscript (Call (Attribute (Attribute (Name a) b) c) (Name d)) (Name e))");
  CHECK(ex("a[1:2]") == "(Subscript (Name a) (Slice (Int 1) (Int 2) _))");
  CHECK(ex("a[::2]") == "(Subscript (Name a) (Slice _ _ (Int 2)))");
  CHECK(ex("a[:]") == "(Subscript (Name a) (Slice _ _ _))");
  CHECK(ex("a[1:2, ::3]") == "(Subscript (Name a) (Tuple (Slice (Int 1) (Int 2) _) (Slice _ _ (Int 3))))");
  CHECK(ex("a[1, 2]") == "(Subscript (Name a) (Tuple (Int 1) (Int 2)))");
  CHECK(ex("a[x,]") == "(Subscript (Name a) (Tuple (Name x)))");
  CHECK(ex("a[*b]") == "(Subscript (Name a) (Tuple (Starred (Name b))))");
  CHECK(ex("f()()") == "(Call (Call (Name f)))");
  CHECK(ex("f(a,)") == "(Call (Name f) (Name a))");
}

TEST_CASE("parser: generator expression as the sole argument", "[parser]") {
  CHECK(ex("sum(x for x in y)") == "(Call (Name sum) (GeneratorExp (Name x) (for (Name x) (Name y))))");
  CHECK(ex("f((x for x in y), 1)") == "(Call (Name f) (GeneratorExp (Name x) (for (Name x) (Name y))) (Int 1))");
}

TEST_CASE("parser: displays and comprehensions", "[parser]") {
  CHECK(ex("()") == "(Tuple)");
  CHECK(ex("(1,)") == "(Tuple (Int 1))");
  CHECK(ex("(1)") == "(Int 1)");
  CHECK(ex("[1, *a, 2]") == "(List (Int 1) (Starred (Name a)) (Int 2))");
  CHECK(ex("{1, *s}") == "(Set (Int 1) (Starred (Name s)))");
  CHECK(ex("{}") == "(Dict)");
  CHECK(ex("{1: 2, **d, 3: 4}") == "(Dict (: (Int 1) (Int 2)) (** (Name d)) (: (Int 3) (Int 4)))");
  CHECK(ex("{**d}") == "(Dict (** (Name d)))");
  CHECK(ex("[x for x in y if x if z for w in x]") ==
        "(ListComp (Name x) (for (Name x) (Name y) (if (Name x)) (if (Name z))) (for (Name w) (Name x)))");
  CHECK(ex("{k: v for k, v in d.items()}") ==
        "(DictComp (Name k) (Name v) (for (Tuple (Name k) (Name v)) (Call (Attribute (Name d) items))))");
  CHECK(ex("{x for x in s}") == "(SetComp (Name x) (for (Name x) (Name s)))");
  CHECK(ex("(x async for x in y)") == "(GeneratorExp (Name x) (async-for (Name x) (Name y)))");
  CHECK(ex("[x for x in a if b or c]") == "(ListComp (Name x) (for (Name x) (Name a) (if (BoolOp Or (Name b) (Name c)))))");
  CHECK(ex("[(a, b) for a, *b in c]") ==
        "(ListComp (Tuple (Name a) (Name b)) (for (Tuple (Name a) (Starred (Name b))) (Name c)))");
}

TEST_CASE("parser: tuples without parentheses", "[parser]") {
  CHECK(mod("a, b = b, a") == "(Assign (Tuple (Name a) (Name b)) = (Tuple (Name b) (Name a)))");
  CHECK(mod("x = 1,") == "(Assign (Name x) = (Tuple (Int 1)))");
  CHECK(mod("def f():\n    return 1, 2\n") == "(FunctionDef f (args) (body (Return (Tuple (Int 1) (Int 2)))))");
  CHECK(mod("for k, v in d: pass") == "(For (Tuple (Name k) (Name v)) (Name d) (body (Pass)))");
  CHECK(mod("for x in *a, *b: pass") ==
        "(For (Name x) (Tuple (Starred (Name a)) (Starred (Name b))) (body (Pass)))");
  CHECK(mod("first, *rest = items") ==
        "(Assign (Tuple (Name first) (Starred (Name rest))) = (Name items))");
  CHECK(mod("[a, [b, c]] = x") == "(Assign (List (Name a) (List (Name b) (Name c))) = (Name x))");
}

TEST_CASE("parser: lambdas", "[parser]") {
  CHECK(ex("lambda: 0") == "(Lambda (args) (Int 0))");
  CHECK(ex("lambda x, y=1, *a, k, **kw: x") == "(Lambda (args x (= y (Int 1)) *a k **kw) (Name x))");
  CHECK(ex("lambda *, k=2: k") == "(Lambda (args * (= k (Int 2))) (Name k))");
  CHECK(ex("lambda a, /, b: a") == "(Lambda (args a / b) (Name a))");
  CHECK(ex("lambda: lambda: 1") == "(Lambda (args) (Lambda (args) (Int 1)))");
}

TEST_CASE("parser: yield and await", "[parser]") {
  CHECK(mod("def g():\n    x = yield y\n    yield\n    yield from z\n    yield 1, 2\n") ==
        "(FunctionDef g (args) (body (Assign (Name x) = (Yield (Name y))) (Expr (Yield)) (Expr (YieldFrom "
        "(Name z))) (Expr (Yield (Tuple (Int 1) (Int 2))))))");
  CHECK(ex("(yield)") == "(Yield)");
  CHECK(mod("async def f():\n    await g()\n    async for x in y: pass\n    async with a as b: pass\n") ==
        "(AsyncFunctionDef f (args) (body (Expr (Await (Call (Name g)))) (AsyncFor (Name x) (Name y) (body "
        "(Pass))) (AsyncWith (item (Name a) (Name b)) (body (Pass)))))");
  CHECK(ex("await a ** 2") == "(BinOp Pow (Await (Name a)) (Int 2))");
}

// ------------------------------------------------------------ literals

TEST_CASE("parser: number literals", "[parser]") {
  CHECK(ex("0x_ff") == "(Int 0x_ff)");
  CHECK(ex("1_000") == "(Int 1_000)");
  CHECK(ex("123456789012345678901234567890") == "(Int 123456789012345678901234567890)");
  CHECK(ex("1.5e-3") == "(Float 0.0015)");
  CHECK(ex("1_0.5") == "(Float 10.5)");
  CHECK(ex("1e16") == "(Float 1e+16)");
  CHECK(ex("1.") == "(Float 1.0)");
  CHECK(ex("1e999") == "(Float inf)");
  CHECK(ex("3j") == "(Imaginary 3.0)");
  CHECK(ex("1.5e1J") == "(Imaginary 15.0)");
  CHECK(ex("True, False, None, ...") == "(Tuple True False None Ellipsis)");
}

TEST_CASE("float_repr matches Python's repr", "[parser]") {
  CHECK(float_repr(0.1) == "0.1");
  CHECK(float_repr(1.0) == "1.0");
  CHECK(float_repr(-2.5) == "-2.5");
  CHECK(float_repr(1e16) == "1e+16");
  CHECK(float_repr(1e15) == "1000000000000000.0");
  CHECK(float_repr(0.0001) == "0.0001");
  CHECK(float_repr(0.00001) == "1e-05");
  CHECK(float_repr(1.5e300) == "1.5e+300");
  CHECK(float_repr(123.456) == "123.456");
}

TEST_CASE("parser: string literals and escapes", "[parser]") {
  CHECK(ex(R"('a\tb\n\\\'\"')") == R"((Str 'a\tb\n\\\'"'))");
  CHECK(ex(R"("\x41\101\u00e9\U0001F40D\0")") == "(Str 'AAé🐍\\x00')");
  CHECK(ex(R"('\d\q')") == R"((Str '\\d\\q'))");  // unknown escapes keep the backslash
  CHECK(ex(R"(r'\d\n')") == R"((Str '\\d\\n'))");
  CHECK(ex("'a' \"b\" '''c'''") == "(Str 'abc')");
  CHECK(ex("'''a\nb'''") == R"((Str 'a\nb'))");
  CHECK(ex("'a\\\nb'") == "(Str 'ab')");  // backslash-newline inside a string
  CHECK(ex("'''a\r\nb'''") == R"((Str 'a\nb'))");  // universal newlines
  CHECK(ex(R"(b'a\x00\xff\n' rb'\x')") == R"((Bytes b'a\x00\xff\n\\x'))");
  CHECK(ex(R"(b'\u0041')") == R"((Bytes b'\\u0041'))");
  CHECK(ex(R"(u'x')") == "(Str 'x')");
  CHECK(ex("'\\N{BULLET} \\N{euro sign}'") == "(Str '• €')");
}

TEST_CASE("parser: string literal errors", "[parser]") {
  CHECK(mod("x = 'a' b'b'") == "SyntaxError: cannot mix bytes and nonbytes literals @1:4");
  CHECK(mod("x = b'é'") == "SyntaxError: bytes can only contain ASCII literal characters @1:4");
  CHECK(mod(R"(x = "ab\x4")") ==
        "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated "
        "\\xXX escape @1:4");
  CHECK(mod(R"(x = "\U11000000")") ==
        "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal "
        "Unicode character @1:4");
  CHECK(mod(R"(x = b"\x4")") == "SyntaxError: (value error) invalid \\x escape at position 0 @1:4");
  CHECK_THAT(mod(R"(x = "\N{NO SUCH NAME}")"), Catch::StartsWith("SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name"));
}

TEST_CASE("parser: f-strings", "[parser]") {
  CHECK(ex("f'a{x}b'") == "(JoinedStr (Str 'a') (FormattedValue (Name x)) (Str 'b'))");
  CHECK(ex("f''") == "(JoinedStr)");
  CHECK(ex("f'{x!r:>{w}}'") ==
        "(JoinedStr (FormattedValue (Name x) !r (JoinedStr (Str '>') (FormattedValue (Name w)))))");
  CHECK(ex("f'{x:}'") == "(JoinedStr (FormattedValue (Name x) (JoinedStr)))");
  CHECK(ex("f'{{}}{x!s}{y!a}'") ==
        "(JoinedStr (Str '{}') (FormattedValue (Name x) !s) (FormattedValue (Name y) !a))");
  CHECK(ex("'a' f'{b}' 'c'") == "(JoinedStr (Str 'a') (FormattedValue (Name b)) (Str 'c'))");
  CHECK(ex("f'a' 'b'") == "(JoinedStr (Str 'ab'))");
  CHECK(ex("f'{a + b * 2:08.3f}'") ==
        "(JoinedStr (FormattedValue (BinOp Add (Name a) (BinOp Mul (Name b) (Int 2))) (JoinedStr (Str "
        "'08.3f'))))");
  CHECK(ex("f'{d[\"k\"]} {f(x, y=1)} {[i for i in s]}'") ==
        "(JoinedStr (FormattedValue (Subscript (Name d) (Str 'k'))) (Str ' ') (FormattedValue (Call "
        "(Name f) (Name x) (= y (Int 1)))) (Str ' ') (FormattedValue (ListComp (Name i) (for (Name i) "
        "(Name s)))))");
  CHECK(ex("f'{a!=b} {a<b} {a>=b}'") ==
        "(JoinedStr (FormattedValue (Compare (Name a) NotEq (Name b))) (Str ' ') (FormattedValue (Compare "
        "(Name a) Lt (Name b))) (Str ' ') (FormattedValue (Compare (Name a) GtE (Name b))))");
  CHECK(ex("f'{x:{{}}}'") == "(JoinedStr (FormattedValue (Name x) (JoinedStr (FormattedValue (Dict)))))");
  CHECK(ex("rf'\\d{x}'") == "(JoinedStr (Str '\\\\d') (FormattedValue (Name x)))");
  CHECK(ex("f'\\n{x}\\t'") == "(JoinedStr (Str '\\n') (FormattedValue (Name x)) (Str '\\t'))");
  CHECK(ex("f'''{\nx\n}'''") == "(JoinedStr (FormattedValue (Name x)))");
  CHECK(ex("f'{f\"{x}\"}'") == "(JoinedStr (FormattedValue (JoinedStr (FormattedValue (Name x)))))");
  CHECK(ex("f'{x,y}'") == "(JoinedStr (FormattedValue (Tuple (Name x) (Name y))))");
  CHECK(ex("f'{lambda: 1}'") == "SyntaxError: f-string: invalid syntax @1:9");
}

TEST_CASE("parser: f-string = specifier", "[parser]") {
  CHECK(ex("f'{x=}'") == "(JoinedStr (Str 'x=') (FormattedValue (Name x) !r))");
  CHECK(ex("f'a {x = } b'") == "(JoinedStr (Str 'a x = ') (FormattedValue (Name x) !r) (Str ' b'))");
  CHECK(ex("f'{x=!s}'") == "(JoinedStr (Str 'x=') (FormattedValue (Name x) !s))");
  CHECK(ex("f'{x=:>5}'") == "(JoinedStr (Str 'x=') (FormattedValue (Name x) (JoinedStr (Str '>5'))))");
  CHECK(ex("f'{a+b=}'") == "(JoinedStr (Str 'a+b=') (FormattedValue (BinOp Add (Name a) (Name b)) !r))");
}

TEST_CASE("parser: f-string errors", "[parser]") {
  CHECK(ex("f'{}'") == "SyntaxError: f-string: empty expression not allowed @1:3");
  CHECK(ex("f'{ }'") == "SyntaxError: f-string: empty expression not allowed @1:4");
  CHECK(ex("f'{x!z}'") == "SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a' @1:5");
  CHECK(ex("f'{x'") == "SyntaxError: f-string: expecting '}' @1:4");
  CHECK(ex("f'{x!rr}'") == "SyntaxError: f-string: expecting '}' @1:6");
  CHECK(ex("f'}'") == "SyntaxError: f-string: single '}' is not allowed @1:2");
  CHECK(ex("f'{a b}'") == "SyntaxError: f-string: invalid syntax. Perhaps you forgot a comma? @1:3");
  CHECK(ex("f'{x:{y:{z}}}'") == "SyntaxError: f-string: expressions nested too deeply @1:8");
  CHECK(ex("f'{\\n}'") == "SyntaxError: f-string expression part cannot include a backslash @1:3");
  CHECK(ex("f'{#}'") == "SyntaxError: f-string expression part cannot include '#' @1:3");
  CHECK(ex("f'{x)}'") == "SyntaxError: f-string: unmatched ')' @1:4");
  CHECK(ex("f'{(x}'") ==
        "SyntaxError: f-string: closing parenthesis '}' does not match opening parenthesis '(' @1:5");
  CHECK(ex("f'{x:=1}'") == "(JoinedStr (FormattedValue (Name x) (JoinedStr (Str '=1'))))");
  // positions inside a field are positions in the file
  CHECK(mod("\nx = f'''\n  {a +}'''") == "SyntaxError: f-string: invalid syntax @3:6");
}

// ------------------------------------------------------------ statements

TEST_CASE("parser: assignments", "[parser]") {
  CHECK(mod("a = b = 1") == "(Assign (Name a) = (Name b) = (Int 1))");
  CHECK(mod("x += 1") == "(AugAssign (Name x) Add (Int 1))");
  CHECK(mod("a.b[c] //= d") == "(AugAssign (Subscript (Attribute (Name a) b) (Name c)) FloorDiv (Name d))");
  CHECK(mod("x **= 2; x @= m; x >>= 1") ==
        "(AugAssign (Name x) Pow (Int 2))\n(AugAssign (Name x) MatMul (Name m))\n(AugAssign (Name x) RShift (Int 1))");
  CHECK(mod("x: int = 1") == "(AnnAssign (Name x) (Int 1))");
  CHECK(mod("x: int") == "(AnnAssign (Name x))");
  CHECK(mod("self.x: List[int] = []") == "(AnnAssign (Attribute (Name self) x) (List))");
  CHECK(mod("x = yield") == "(Assign (Name x) = (Yield))");
  CHECK(mod("x += yield y") == "(AugAssign (Name x) Add (Yield (Name y)))");
  CHECK(mod("a[1:2] = b") == "(Assign (Subscript (Name a) (Slice (Int 1) (Int 2) _)) = (Name b))");
  CHECK(mod("() = []") == "(Assign (Tuple) = (List))");
  CHECK(mod("match = 3\nmatch(x)\ntype = int\ntype(x)\ncase = _ = 1") ==
        "(Assign (Name match) = (Int 3))\n(Expr (Call (Name match) (Name x)))\n(Assign (Name type) = "
        "(Name int))\n(Expr (Call (Name type) (Name x)))\n(Assign (Name case) = (Name _) = (Int 1))");
}

TEST_CASE("parser: simple statements", "[parser]") {
  CHECK(mod("pass; break; continue;") == "(Pass)\n(Break)\n(Continue)");
  CHECK(mod("return") == "(Return)");
  CHECK(mod("global a, b\nnonlocal c") == "(Global a b)\n(Nonlocal c)");
  CHECK(mod("del a, b[0], c.d") == "(Delete (Name a) (Subscript (Name b) (Int 0)) (Attribute (Name c) d))");
  CHECK(mod("del (a, b), [c]") == "(Delete (Tuple (Name a) (Name b)) (List (Name c)))");
  CHECK(mod("assert x\nassert x, 'm'") == "(Assert (Name x))\n(Assert (Name x) (Str 'm'))");
  CHECK(mod("raise\nraise E\nraise E('x') from e") ==
        "(Raise)\n(Raise (Name E))\n(Raise (Call (Name E) (Str 'x')) from (Name e))");
}

TEST_CASE("parser: imports", "[parser]") {
  CHECK(mod("import a.b as c, d") == "(Import (a.b as c) d)");
  CHECK(mod("from . import x") == "(ImportFrom . x)");
  CHECK(mod("from .. import x") == "(ImportFrom .. x)");
  CHECK(mod("from ... import x") == "(ImportFrom ... x)");
  CHECK(mod("from .... import x") == "(ImportFrom .... x)");
  CHECK(mod("from .m.n import (a, b as c,)") == "(ImportFrom .m.n a (b as c))");
  CHECK(mod("from m import *") == "(ImportFrom m *)");
  CHECK(mod("from __future__ import annotations") == "(ImportFrom __future__ annotations)");
}

TEST_CASE("parser: if / while / for with else", "[parser]") {
  CHECK(mod("if a:\n    x\nelif b:\n    y\nelse:\n    z\n") ==
        "(If (Name a) (body (Expr (Name x))) (orelse (If (Name b) (body (Expr (Name y))) (orelse (Expr "
        "(Name z))))))");
  CHECK(mod("if x: pass") == "(If (Name x) (body (Pass)))");
  CHECK(mod("if x: a = 1; b = 2") == "(If (Name x) (body (Assign (Name a) = (Int 1)) (Assign (Name b) = (Int 2))))");
  CHECK(mod("while x:\n    pass\nelse:\n    pass\n") == "(While (Name x) (body (Pass)) (orelse (Pass)))");
  CHECK(mod("for i in range(3):\n    break\nelse:\n    pass\n") ==
        "(For (Name i) (Call (Name range) (Int 3)) (body (Break)) (orelse (Pass)))");
  CHECK(mod("for x, in y: pass") == "(For (Tuple (Name x)) (Name y) (body (Pass)))");
  CHECK(mod("if __name__ == \"__main__\":\n    main()\n") ==
        "(If (Compare (Name __name__) Eq (Str '__main__')) (body (Expr (Call (Name main)))))");
}

TEST_CASE("parser: try statements", "[parser]") {
  CHECK(mod("try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    e\n"
            "finally:\n    f\n") ==
        "(Try (body (Expr (Name a))) (except (Tuple (Name A) (Name B)) as e (body (Expr (Name b)))) (except "
        "(Name C) (body (Expr (Name c)))) (except (body (Expr (Name d)))) (orelse (Expr (Name e))) (finally "
        "(Expr (Name f))))");
  CHECK(mod("try:\n    pass\nfinally:\n    pass\n") == "(Try (body (Pass)) (finally (Pass)))");
}

TEST_CASE("parser: with statements", "[parser]") {
  CHECK(mod("with a as b, c as d: pass") == "(With (item (Name a) (Name b)) (item (Name c) (Name d)) (body (Pass)))");
  CHECK(mod("with (a as b, c as d,): pass") ==
        "(With (item (Name a) (Name b)) (item (Name c) (Name d)) (body (Pass)))");
  CHECK(mod("with (a, b): pass") == "(With (item (Name a)) (item (Name b)) (body (Pass)))");
  CHECK(mod("with (a, b) as c: pass") == "(With (item (Tuple (Name a) (Name b)) (Name c)) (body (Pass)))");
  CHECK(mod("with (a): pass") == "(With (item (Name a)) (body (Pass)))");
  CHECK(mod("with (yield x): pass") == "(With (item (Yield (Name x))) (body (Pass)))");
  CHECK(mod("with open(f) as (a, b): pass") ==
        "(With (item (Call (Name open) (Name f)) (Tuple (Name a) (Name b))) (body (Pass)))");
  CHECK(mod("with (\n    open(a) as f,\n    open(b) as g,\n):\n    pass\n") ==
        "(With (item (Call (Name open) (Name a)) (Name f)) (item (Call (Name open) (Name b)) (Name g)) (body "
        "(Pass)))");
}

TEST_CASE("parser: function and class definitions", "[parser]") {
  CHECK(mod("def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    pass\n") ==
        "(FunctionDef f (args a (= b (Int 1)) / (= c (Int 2)) *args d (= e (Int 3)) **kw) (body (Pass)))");
  CHECK(mod("def f(a: int, *b: str, c: 'x' = 1, **d: dict): pass") ==
        "(FunctionDef f (args a *b (= c (Int 1)) **d) (body (Pass)))");
  CHECK(mod("def f(*, a): pass") == "(FunctionDef f (args * a) (body (Pass)))");
  CHECK(mod("@d1\n@d2.e(1)\ndef f(): pass") ==
        "(FunctionDef f (args) (decorators (Name d1) (Call (Attribute (Name d2) e) (Int 1))) (body (Pass)))");
  CHECK(mod("@property\nasync def f(): pass") == "(AsyncFunctionDef f (args) (decorators (Name property)) (body (Pass)))");
  CHECK(mod("class C(B, metaclass=M):\n    x = 1\n    def m(self): return self\n") ==
        "(ClassDef C (bases (Name B)) (keywords (= metaclass (Name M))) (body (Assign (Name x) = (Int 1)) "
        "(FunctionDef m (args self) (body (Return (Name self))))))");
  CHECK(mod("@dataclass\nclass P: pass") == "(ClassDef P (decorators (Name dataclass)) (body (Pass)))");
  CHECK(mod("class E(): pass") == "(ClassDef E (body (Pass)))");
  CHECK(mod("class F(*bases, **kw): pass") ==
        "(ClassDef F (bases (Starred (Name bases))) (keywords (** (Name kw))) (body (Pass)))");
}

TEST_CASE("parser: nested blocks and blank lines", "[parser]") {
  CHECK(mod("class A:\n\n    def f(self):\n\n        # comment\n        if x:\n            return 1\n\n"
            "        return 2\n\n\nA()\n") ==
        "(ClassDef A (body (FunctionDef f (args self) (body (If (Name x) (body (Return (Int 1)))) (Return "
        "(Int 2))))))\n(Expr (Call (Name A)))");
}

TEST_CASE("parser: source positions", "[parser]") {
  CHECK(with_locs("x = a + f(1)") ==
        "(Assign (Name x @1:0-1:1) = (BinOp Add (Name a @1:4-1:5) (Call (Name f @1:8-1:9) (Int 1 @1:10-1:11) "
        "@1:8-1:12) @1:4-1:12) @1:0-1:12)");
  // a compound statement ends where its last statement ends
  CHECK(with_locs("if x:\n    y\n") == "(If (Name x @1:3-1:4) (body (Expr (Name y @2:4-2:5) @2:4-2:5)) @1:0-2:5)");
  // parenthesised tuples include the parentheses, a group keeps the inner position
  CHECK(with_locs("(a, b); (c)") ==
        "(Expr (Tuple (Name a @1:1-1:2) (Name b @1:4-1:5) @1:0-1:6) @1:0-1:6)\n(Expr (Name c @1:9-1:10) @1:8-1:11)");
  // the generator expression argument takes the call's parentheses
  CHECK(with_locs("f(x for x in y)") ==
        "(Expr (Call (Name f @1:0-1:1) (GeneratorExp (Name x @1:2-1:3) (for (Name x @1:8-1:9) (Name y "
        "@1:13-1:14)) @1:1-1:15) @1:0-1:15) @1:0-1:15)");
  // columns count code points
  CHECK(with_locs("s = 'é' + t") ==
        "(Assign (Name s @1:0-1:1) = (BinOp Add (Str 'é' @1:4-1:7) (Name t @1:10-1:11) @1:4-1:11) @1:0-1:11)");
  // a decorated function starts at 'def'
  CHECK(with_locs("@d\ndef f(): pass") ==
        "(FunctionDef f (args) (decorators (Name d @1:1-1:2)) (body (Pass @2:9-2:13)) @2:0-2:13)");
  // f-string fields have real positions
  CHECK(with_locs("f'{x}'") ==
        "(Expr (JoinedStr (FormattedValue (Name x @1:3-1:4) @1:0-1:6) @1:0-1:6) @1:0-1:6)");
}

// ------------------------------------------------------------ errors

TEST_CASE("parser: error info carries file, line, column, source line", "[parser]") {
  SyntaxErrorInfo e = error_of("x = 1\n  if x y:\n", ParseMode::File);
  CHECK(e.type == "IndentationError");
  CHECK(e.message == "unexpected indent");
  CHECK(e.filename == "t.py");
  CHECK(e.line == 2);
  CHECK(e.col == 1);
  CHECK(e.source_line == "  if x y:");
  SyntaxErrorInfo g = error_of("x = 1 2\r\n");
  CHECK(g.message == "invalid syntax");
  CHECK(g.col == 6);
  CHECK(g.end_col == 7);
  CHECK(g.source_line == "x = 1 2");
  CHECK_FALSE(g.incomplete);
  SyntaxErrorInfo f = error_of("f() = 1");
  CHECK(f.col == 0);
  CHECK(f.end_col == 3);
}

TEST_CASE("parser: generic invalid syntax points at the token", "[parser]") {
  CHECK(mod("x = 1 +") == "SyntaxError: invalid syntax @1:7");
  CHECK(mod("a b") == "SyntaxError: invalid syntax @1:2");
  CHECK(mod("x = $") == "SyntaxError: invalid syntax @1:4");
  CHECK(mod("for x y:\n  pass\n") == "SyntaxError: invalid syntax @1:6");
  CHECK(mod("else:\n  pass\n") == "SyntaxError: invalid syntax @1:0");
  CHECK(mod("import *") == "SyntaxError: invalid syntax @1:7");
  CHECK(mod("@d\nx = 1") == "SyntaxError: invalid syntax @2:0");
  CHECK(mod("x = a not b") == "SyntaxError: invalid syntax @1:10");
  CHECK(mod("print(1,,2)") == "SyntaxError: invalid syntax @1:8");
  CHECK(mod("a[1:2:3:4]") == "SyntaxError: invalid syntax @1:7");
  CHECK(mod("class A(x for x in y): pass") == "SyntaxError: invalid syntax @1:10");
  CHECK(mod("x = 1;;") == "SyntaxError: invalid syntax @1:6");
  CHECK(mod("lambda x") == "SyntaxError: invalid syntax @1:8");
}

TEST_CASE("parser: CPython's specific syntax error messages", "[parser]") {
  CHECK(mod("if x\n    pass\n") == "SyntaxError: expected ':' @1:4");
  CHECK(mod("def f()\n    pass\n") == "SyntaxError: expected ':' @1:7");
  CHECK(mod("for x in y\n  pass") == "SyntaxError: expected ':' @1:10");
  CHECK(mod("if x:\n    pass\nelse if y:\n    pass\n") == "SyntaxError: expected ':' @3:5");
  CHECK(mod("def f:\n    pass\n") == "SyntaxError: expected '(' @1:5");
  CHECK(mod("x = 1 if y") == "SyntaxError: expected 'else' after 'if' expression @1:4");
  CHECK(mod("try:\n    pass\nx = 1\n") == "SyntaxError: expected 'except' or 'finally' block @3:0");
  CHECK(mod("[1 2]") == "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:1");
  CHECK(mod("print(1 2)") == "SyntaxError: invalid syntax. Perhaps you forgot a comma? @1:6");
  CHECK(mod("print \"hello\"") == "SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)? @1:0");
  CHECK(mod("if x = 1:\n    pass\n") == "SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='? @1:3");
  CHECK(mod("while x.y = 1: pass") ==
        "SyntaxError: cannot assign to attribute here. Maybe you meant '==' instead of '='? @1:6");
  CHECK(mod("[x, y for x, y in z]") == "SyntaxError: did you forget parentheses around the comprehension target? @1:1");
  CHECK(mod("from m import a,") == "SyntaxError: trailing comma not allowed without surrounding parentheses @1:16");
  CHECK(mod("try:\n    pass\nexcept A, B:\n    pass\n") ==
        "SyntaxError: multiple exception types must be parenthesized @3:7");
  CHECK(mod("try:\n    pass\nexcept:\n    pass\nexcept A:\n    pass\n") ==
        "SyntaxError: default 'except:' must be last @3:0");
  CHECK(mod("x = {1: 2, 3}") == "SyntaxError: ':' expected after dictionary key @1:11");
  CHECK(mod("[*a for a in b]") == "SyntaxError: iterable unpacking cannot be used in comprehension @1:1");
  CHECK(mod("{**a for a in b}") == "SyntaxError: dict unpacking cannot be used in dict comprehension @1:1");
  CHECK(mod("(*a)") == "SyntaxError: cannot use starred expression here @1:1");
}

TEST_CASE("parser: invalid assignment targets", "[parser]") {
  CHECK(mod("f() = 1") == "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:0");
  CHECK(mod("1 = x") == "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @1:0");
  CHECK(mod("x + 1 = 2") == "SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='? @1:0");
  CHECK(mod("a, f() = 1") == "SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='? @1:3");
  CHECK(mod("a < b = 1") == "SyntaxError: cannot assign to comparison @1:0");
  CHECK(mod("(a, 1) = 2") == "SyntaxError: cannot assign to literal @1:4");
  CHECK(mod("[a, 1] = x") == "SyntaxError: cannot assign to literal @1:4");
  CHECK(mod("x = f() = 1") == "SyntaxError: cannot assign to function call @1:4");
  CHECK(mod("True = 1") == "SyntaxError: cannot assign to True @1:0");
  CHECK(mod("None = 1") == "SyntaxError: cannot assign to None @1:0");
  CHECK(mod("a = yield = 1") == "SyntaxError: assignment to yield expression not possible @1:4");
  CHECK(mod("f() += 1") == "SyntaxError: 'function call' is an illegal expression for augmented assignment @1:0");
  CHECK(mod("(a, b) += 1") == "SyntaxError: 'tuple' is an illegal expression for augmented assignment @1:0");
  CHECK(mod("a, b: int") == "SyntaxError: only single target (not tuple) can be annotated @1:0");
  CHECK(mod("f(): int") == "SyntaxError: illegal target for annotation @1:0");
  CHECK(mod("del 1") == "SyntaxError: cannot delete literal @1:4");
  CHECK(mod("del f()") == "SyntaxError: cannot delete function call @1:4");
  CHECK(mod("del x + 1") == "SyntaxError: cannot delete expression @1:4");
  CHECK(mod("del *a") == "SyntaxError: cannot delete starred @1:4");
  CHECK(mod("for 1 in x: pass") == "SyntaxError: cannot assign to literal @1:4");
  CHECK(mod("for f() in x: pass") == "SyntaxError: cannot assign to function call @1:4");
  CHECK(mod("with a as f(): pass") == "SyntaxError: cannot assign to function call @1:10");
  CHECK(mod("[x for 1 in y]") == "SyntaxError: cannot assign to literal @1:7");
}

TEST_CASE("parser: call argument errors", "[parser]") {
  CHECK(mod("f(x=1, x=2)") == "SyntaxError: keyword argument repeated: x @1:7");
  CHECK(mod("f(x=1, 2)") == "SyntaxError: positional argument follows keyword argument @1:7");
  CHECK(mod("f(**k, a)") == "SyntaxError: positional argument follows keyword argument unpacking @1:7");
  CHECK(mod("f(**k, *a)") == "SyntaxError: iterable argument unpacking follows keyword argument unpacking @1:7");
  CHECK(mod("f(x for x in y, 1)") == "SyntaxError: Generator expression must be parenthesized @1:2");
  CHECK(mod("f(1, x for x in y)") == "SyntaxError: Generator expression must be parenthesized @1:5");
  CHECK(mod("f(a.b=1)") == "SyntaxError: expression cannot contain assignment, perhaps you meant \"==\"? @1:2");
  CHECK(mod("f(True=1)") == "SyntaxError: cannot assign to True @1:2");
}

TEST_CASE("parser: parameter list errors", "[parser]") {
  CHECK(mod("def f(a=1, b): pass") == "SyntaxError: non-default argument follows default argument @1:11");
  CHECK(mod("lambda a=1, b: 0") == "SyntaxError: non-default argument follows default argument @1:12");
  CHECK(mod("def f(*, **k): pass") == "SyntaxError: named arguments must follow bare * @1:6");
  CHECK(mod("def f(*): pass") == "SyntaxError: named arguments must follow bare * @1:6");
  CHECK(mod("def f(**k, a): pass") == "SyntaxError: arguments cannot follow var-keyword argument @1:11");
  CHECK(mod("def f(*a, *b): pass") == "SyntaxError: * argument may appear only once @1:10");
  CHECK(mod("def f(/, a): pass") == "SyntaxError: at least one argument must precede / @1:6");
  CHECK(mod("def f(a, *, /, b): pass") == "SyntaxError: / must be ahead of * @1:12");
  CHECK(mod("def f(a, /, /): pass") == "SyntaxError: / may appear only once @1:12");
  CHECK(mod("def f(*a=1): pass") == "SyntaxError: var-positional argument cannot have default value @1:8");
  CHECK(mod("def f(a, a): pass") == "SyntaxError: duplicate argument 'a' in function definition @1:9");
}

TEST_CASE("parser: indentation errors", "[parser]") {
  CHECK(mod("if x:\npass\n") == "IndentationError: expected an indented block after 'if' statement on line 1 @2:0");
  CHECK(mod("if x:") == "IndentationError: expected an indented block after 'if' statement on line 1 @1:5");
  CHECK(mod("if x:\n    pass\nelif y:\n") ==
        "IndentationError: expected an indented block after 'elif' statement on line 3 @3:7");
  CHECK(mod("if x:\n    pass\nelse:\n") ==
        "IndentationError: expected an indented block after 'else' statement on line 3 @3:5");
  CHECK(mod("while x:\n") == "IndentationError: expected an indented block after 'while' statement on line 1 @1:8");
  CHECK(mod("for x in y:\n") == "IndentationError: expected an indented block after 'for' statement on line 1 @1:11");
  CHECK(mod("with x:\n") == "IndentationError: expected an indented block after 'with' statement on line 1 @1:7");
  CHECK(mod("try:\n") == "IndentationError: expected an indented block after 'try' statement on line 1 @1:4");
  CHECK(mod("try:\n    pass\nexcept:\n") ==
        "IndentationError: expected an indented block after 'except' statement on line 3 @3:7");
  CHECK(mod("try:\n    pass\nfinally:\n") ==
        "IndentationError: expected an indented block after 'finally' statement on line 3 @3:8");
  CHECK(mod("def f():\n") == "IndentationError: expected an indented block after function definition on line 1 @1:8");
  CHECK(mod("class A:\n") == "IndentationError: expected an indented block after class definition on line 1 @1:8");
  CHECK(mod("  x = 1") == "IndentationError: unexpected indent @1:1");
  CHECK(mod("if x:\n    a\n        b\n") == "IndentationError: unexpected indent @3:7");
  CHECK(mod("if x:\n    a\n  b\n") == "IndentationError: unindent does not match any outer indentation level @3:3");
  CHECK(mod("if True:\n\tx = 1\n        y = 2\n") == "TabError: inconsistent use of tabs and spaces in indentation @3:0");
}

TEST_CASE("parser: scanner errors win over parser errors", "[parser]") {
  // the unclosed bracket is reported, not the '=' on the next line
  CHECK(mod("x = (1,\ny = 2") == "SyntaxError: '(' was never closed @1:4");
  CHECK(mod("x = 1 + (2\ny = 3") == "SyntaxError: '(' was never closed @1:8");
  CHECK(mod("print(1 2") == "SyntaxError: '(' was never closed @1:5");
  // a later scanner error beats an earlier parser error
  CHECK(mod("x = = 1\ns = 'abc") == "SyntaxError: unterminated string literal (detected at line 2) @2:4");
  CHECK(mod("x = )") == "SyntaxError: unmatched ')' @1:4");
  CHECK(mod("x = 012") ==
        "SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal "
        "integers @1:4");
}

TEST_CASE("parser: assignment expressions", "[parser]") {
  CHECK(mod("if (n := 10) > 5: pass") == "(If (Compare (NamedExpr (Name n) (Int 10)) Gt (Int 5)) (body (Pass)))");
  CHECK(mod("[y := f(x)]") == "(Expr (List (NamedExpr (Name y) (Call (Name f) (Name x)))))");
  CHECK(mod("x := 1") == "SyntaxError: invalid syntax @1:2");
  CHECK(mod("(a[0] := 1)") == "SyntaxError: cannot use assignment expressions with subscript @1:1");
}

TEST_CASE("parser: match statements", "[parser]") {
  CHECK(mod("match x:\n    case 1: pass\n") == "(Match (Name x) (case (MatchValue (Int 1)) (body (Pass))))");
  CHECK(mod("match (x):\n    case [a, *_] | {'k': a} if a: pass\n") ==
        "(Match (Name x) (case (MatchOr (MatchSequence (MatchAs a) (MatchStar _)) (MatchMapping (: (Str 'k') "
        "(MatchAs a)))) (if (Name a)) (body (Pass))))");
  CHECK(mod("match = 1\nmatch(x)\n") == "(Assign (Name match) = (Int 1))\n(Expr (Call (Name match) (Name x)))");
}

TEST_CASE("parser: constructs outside the subset are refused by name", "[parser]") {
  CHECK(mod("try:\n    pass\nexcept* E:\n    pass\n") == "SyntaxError: 'except*' is not supported by gilvm @3:0");
  CHECK(mod("type X = int") == "SyntaxError: type aliases are not supported by gilvm @1:0");
  CHECK(mod("type Pair[T] = tuple[T, T]") == "SyntaxError: type aliases are not supported by gilvm @1:0");
}

// ------------------------------------------------------------ modes

TEST_CASE("parser: eval mode parses one expression", "[parser]") {
  CHECK(ex("1 + 2\n\n") == "(BinOp Add (Int 1) (Int 2))");
  CHECK(ex("  x") == "(Name x)");
  CHECK(ex("a, b") == "(Tuple (Name a) (Name b))");
  CHECK(ex("x = 1") == "SyntaxError: invalid syntax @1:2");
  CHECK(ex("1\n2") == "SyntaxError: invalid syntax @2:0");
}

TEST_CASE("parser: interactive mode: complete entries", "[parser]") {
  CHECK(repl("x = 1\n") == "ok");
  CHECK(repl("\n") == "ok");
  CHECK(repl("# just a comment\n") == "ok");
  CHECK(repl("print('hi'); y = 2\n") == "ok");
  CHECK(repl("if x:\n    pass\n\n") == "ok");
  CHECK(repl("def f():\n    return 1\n\n") == "ok");
  CHECK(repl("x = (1,\n     2)\n") == "ok");
  CHECK(repl("s = '''a\nb'''\n") == "ok");
  CHECK(mod("x = 1\n", ParseMode::Interactive) == "(Assign (Name x) = (Int 1))");
}

TEST_CASE("parser: interactive mode: input that more lines could complete", "[parser]") {
  CHECK(repl("if x:\n") == "more");
  CHECK(repl("if x: pass\n") == "more");  // a compound statement ends at a blank line
  CHECK(repl("if x:\n    pass\n") == "more");
  CHECK(repl("if x:\n    pass\nelse:\n") == "more");
  CHECK(repl("class A:\n    def f(self):\n") == "more");
  CHECK(repl("for i in range(3):\n    print(i)\n") == "more");
  CHECK(repl("@decorator\n") == "more");
  CHECK(repl("x = (1,\n") == "more");
  CHECK(repl("x = (1,\n\n") == "more");  // a blank line does not close a bracket
  CHECK(repl("foo(a,\n    b\n") == "more");
  CHECK(repl("s = '''abc\n") == "more");
  CHECK(repl("x = 1 + \\\n") == "more");
  CHECK(repl("try:\n    pass\n") == "more");
}

TEST_CASE("parser: interactive mode: one entry at a time", "[parser]") {
  // only an empty line ends a block, not one of spaces (as in CPython's REPL)
  CHECK(repl("if x:\n    pass\n  \n") == "more");
  CHECK(repl("x = 1\ny = 2\n") == "SyntaxError: multiple statements found while compiling a single statement");
  CHECK(repl("if x:\n    y = 1\nz = 2\n") == "SyntaxError: invalid syntax");
}

TEST_CASE("parser: interactive mode: errors", "[parser]") {
  CHECK(repl("x = 1 +\n") == "SyntaxError: invalid syntax");
  CHECK(repl("x = 'abc\n") == "SyntaxError: unterminated string literal (detected at line 1)");
  CHECK(repl("if x:\n\n") == "IndentationError: expected an indented block after 'if' statement on line 1");
  CHECK(repl("  x\n") == "IndentationError: unexpected indent");
  CHECK(repl("x = )\n") == "SyntaxError: unmatched ')'");
  CHECK(repl("match x:\n") == "more");
}

TEST_CASE("parser: a byte order mark is skipped", "[parser]") {
  CHECK(mod("\xEF\xBB\xBFx = 1") == "(Assign (Name x) = (Int 1))");
}

TEST_CASE("parser: deep nesting is refused, not a crash", "[parser]") {
  std::string deep_parens = std::string(150, '(') + "1" + std::string(150, ')');
  CHECK(ex(deep_parens) == "(Int 1)");
  CHECK(ex(std::string(201, '(')) == "SyntaxError: too many nested parentheses @1:200");
  std::string unary(5000, '-');
  CHECK(ex(unary + "1") == "SyntaxError: too many nested expressions @1:999");
  std::string nots;
  for (int i = 0; i < 3000; ++i) nots += "not ";
  CHECK_THAT(ex(nots + "x"), Catch::StartsWith("SyntaxError: too many nested expressions"));
}
