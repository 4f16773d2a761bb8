// The compiler: bytecode shapes, stack sizing, the exception table, and
// compile-time errors; plus running compiled code end to end.
#include <catch2/catch.hpp>

#include "compiler/compiler.h"
#include "compiler/disasm.h"
#include "front/parser.h"
#include "vm/api.h"
#include "vm_fixture.h"
#include "vm/import.h"

using namespace gilvm;

namespace {

struct Vm : TestVm {
  compiler::CompileResult compile(const std::string& src) {
    front::ParseResult pr = front::parse(src, "<test>", front::ParseMode::File);
    REQUIRE(pr.ok);
    return compiler::compile(interp, pr.module, "<test>", compiler::Mode::Module);
  }
  std::vector<Op> ops(const CodeObject& c) {
    std::vector<Op> v;
    for (auto w : c.code) v.push_back(op_of(w));
    return v;
  }
};

bool contains_op(const std::vector<Op>& ops, Op op) { return std::find(ops.begin(), ops.end(), op) != ops.end(); }

CodeObject* nested_code(CodeObject* c) {
  for (Value v : c->consts)
    if (v.is_obj() && v.as_obj()->kind == Kind::Code) return static_cast<CodeObject*>(v.as_obj());
  return nullptr;
}

}  // namespace

TEST_CASE("module code stores globals and returns None", "[compiler]") {
  Vm vm;
  auto r = vm.compile("x = 1 + 2\n");
  REQUIRE(r.code != nullptr);
  auto ops = vm.ops(*r.code);
  CHECK(ops == std::vector<Op>{Op::LOAD_SMALL_INT, Op::LOAD_SMALL_INT, Op::BINARY_OP, Op::STORE_GLOBAL,
                               Op::LOAD_CONST, Op::RETURN_VALUE});
  CHECK(r.code->stacksize >= 2);
}

TEST_CASE("function locals are fast, captured ones are cells", "[compiler]") {
  Vm vm;
  auto r = vm.compile("def outer(a):\n    b = a\n    def inner():\n        return b\n    return inner\n");
  REQUIRE(r.code != nullptr);
  CodeObject* outer = nested_code(r.code);
  REQUIRE(outer != nullptr);
  CHECK(outer->argcount == 1);
  REQUIRE(outer->cellvars.size() == 1);
  CHECK(outer->cellvars[0]->s == "b");
  CHECK(contains_op(vm.ops(*outer), Op::STORE_DEREF));
  CHECK(contains_op(vm.ops(*outer), Op::MAKE_FUNCTION));
  CodeObject* inner = nested_code(outer);
  REQUIRE(inner != nullptr);
  REQUIRE(inner->freevars.size() == 1);
  CHECK(contains_op(vm.ops(*inner), Op::LOAD_DEREF));
  CHECK_FALSE(inner->flags & kCodeSimple);
}

TEST_CASE("try/except compiles to an exception table, not opcodes on entry", "[compiler]") {
  Vm vm;
  auto r = vm.compile("try:\n    x = 1\nexcept ValueError as e:\n    y = e\n");
  REQUIRE(r.code != nullptr);
  REQUIRE(r.code->exception_table.size() >= 2);
  const auto& first = r.code->exception_table[0];
  CHECK(first.start == 0);
  CHECK(first.depth == 0);
  CHECK(op_of(r.code->code[first.handler]) == Op::PUSH_EXC_INFO);
  CHECK(find_handler(*r.code, 0) == &first);
}

TEST_CASE("compile-time errors carry line and message", "[compiler]") {
  Vm vm;
  auto r = vm.compile("x = 1\nreturn x\n");
  CHECK(r.code == nullptr);
  CHECK(r.error.message == "'return' outside function");
  CHECK(r.error.line == 2);
  auto b = vm.compile("while True:\n    pass\nbreak\n");
  CHECK(b.code == nullptr);
  CHECK(b.error.message == "'break' outside loop");
  auto n = vm.compile("def f():\n    nonlocal q\n");
  CHECK(n.code == nullptr);
  CHECK(n.error.message == "no binding for nonlocal 'q' found");
}

TEST_CASE("the disassembler names operands", "[compiler]") {
  Vm vm;
  auto r = vm.compile("total = 0\nfor i in range(3):\n    total += i\n");
  REQUIRE(r.code != nullptr);
  std::string d = disassemble(*r.code);
  CHECK(d.find("FOR_ITER") != std::string::npos);
  CHECK(d.find("(total)") != std::string::npos);
  CHECK(d.find("(range)") != std::string::npos);
  CHECK(d.find(">>") != std::string::npos);
  CHECK(d.find("INPLACE_OP") != std::string::npos);
}

TEST_CASE("compiled code runs and binds globals", "[compiler][vm]") {
  Vm vm;
  Dict* globals = new_dict(vm.ts);
  TempRoot root(vm.ts, obj(globals));
  Value r = exec_source(vm.ts,
                        "def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\n"
                        "big = fact(25)\nsquares = [i * i for i in range(5)]\n",
                        "<test>", globals);
  REQUIRE_FALSE(r.is_fail());
  Value big = dict_get_cstr(vm.interp, globals, "big");
  REQUIRE(as_bigint(big) != nullptr);
  CHECK(as_bigint(big)->v.to_string() == "15511210043330985984000000");
  List* sq = as_list(dict_get_cstr(vm.interp, globals, "squares"));
  REQUIRE(sq != nullptr);
  REQUIRE(sq->items.size() == 5);
  CHECK(sq->items[4].as_int() == 16);
}

TEST_CASE("an uncaught error leaves the exception pending with a traceback", "[compiler][vm]") {
  Vm vm;
  Dict* globals = new_dict(vm.ts);
  TempRoot root(vm.ts, obj(globals));
  Value r = exec_source(vm.ts, "def f():\n    return 1 // 0\nf()\n", "<test>", globals);
  REQUIRE(r.is_fail());
  Exception* e = as_exception(vm.ts.exc);
  REQUIRE(e != nullptr);
  CHECK(e->type == vm.interp.types.ZeroDivisionError);
  REQUIRE(e->traceback.size() == 2);
  CHECK(e->traceback[0].line == 2);  // innermost first
  CHECK(e->traceback[1].line == 3);
  take_exception(vm.ts);
}
