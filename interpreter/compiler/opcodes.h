// The one list of opcodes. Everything else is derived from it (docs/style.md §1):
// the Op enum, the names and operand kinds the disassembler prints, the
// stack effects the compiler uses to size frames, and the eval loop's
// dispatch table (vm/eval.cpp).
//
// An instruction is one 32-bit word: the opcode in the low 8 bits and a 24-bit
// operand above it. Jump operands are absolute instruction indexes.
//
// Each line: X(NAME, operand kind, stack effect, "stack picture").
// The stack effect is for the fall-through path; kVariable effects are
// computed by stack_effect() in compiler/code.cpp from the operand.
//
// Calls follow CPython 3.11's convention: below the callable sits a slot that
// is either Null (plain call: PUSH_NULL; callable; args) or, after
// LOAD_METHOD, the unbound method with the receiver as the first argument.
#pragma once

#include <cstdint>

namespace gilvm {

// What an opcode's operand means, for the disassembler.
enum class OperandKind : std::uint8_t {
  None,     // no operand
  Const,    // index into code->consts
  Local,    // index into code->varnames
  Name,     // index into code->names
  Deref,    // index into cellvars ++ freevars
  Jump,     // absolute target
  Count,    // a count of items
  BinOp,    // a front::BinOp
  CmpOp,    // a front::CmpOp (< <= == != > >=)
  Flag,     // a small flag set, documented per opcode
  Int,      // a signed immediate
};

constexpr int kVariable = 1000;

#define GILVM_OPCODES(X)                                                                 \
  X(NOP, None, 0, "--")                                                                  \
  X(POP_TOP, None, -1, "a --")                                                           \
  X(PUSH_NULL, None, 1, "-- null")                                                       \
  X(COPY, Count, 1, "a ... -- a ... a  (copies the n-th item from the top, 1 = top)")    \
  X(SWAP, Count, 0, "a ... b -- b ... a  (swaps top with the n-th)")                     \
  X(LOAD_CONST, Const, 1, "-- const")                                                    \
  X(LOAD_SMALL_INT, Int, 1, "-- int  (operand is the signed value)")                     \
  X(LOAD_FAST, Local, 1, "-- local")                                                     \
  X(STORE_FAST, Local, -1, "v --")                                                       \
  X(DELETE_FAST, Local, 0, "--")                                                         \
  X(LOAD_DEREF, Deref, 1, "-- cell.value")                                               \
  X(LOAD_CLASSDEREF, Deref, 1, "-- class-namespace value or cell.value")                 \
  X(STORE_DEREF, Deref, -1, "v --")                                                      \
  X(DELETE_DEREF, Deref, 0, "--")                                                        \
  X(LOAD_CLOSURE, Deref, 1, "-- cell")                                                   \
  X(LOAD_GLOBAL, Name, 1, "-- global or builtin")                                        \
  X(STORE_GLOBAL, Name, -1, "v --")                                                      \
  X(DELETE_GLOBAL, Name, 0, "--")                                                        \
  X(LOAD_NAME, Name, 1, "-- local-namespace, global or builtin")                         \
  X(STORE_NAME, Name, -1, "v --")                                                        \
  X(DELETE_NAME, Name, 0, "--")                                                          \
  X(LOAD_ATTR, Name, 0, "obj -- obj.name")                                               \
  X(LOAD_METHOD, Name, 1, "obj -- method obj  |  null bound")                            \
  X(STORE_ATTR, Name, -2, "v obj --")                                                    \
  X(DELETE_ATTR, Name, -1, "obj --")                                                     \
  X(BINARY_SUBSCR, None, -1, "obj key -- obj[key]")                                      \
  X(STORE_SUBSCR, None, -3, "v obj key --")                                              \
  X(DELETE_SUBSCR, None, -2, "obj key --")                                               \
  X(BUILD_SLICE, Count, kVariable, "a b [c] -- slice")                                   \
  X(BINARY_OP, BinOp, -1, "a b -- a op b")                                               \
  X(INPLACE_OP, BinOp, -1, "a b -- a op= b")                                             \
  X(UNARY_NEGATIVE, None, 0, "a -- -a")                                                  \
  X(UNARY_POSITIVE, None, 0, "a -- +a")                                                  \
  X(UNARY_INVERT, None, 0, "a -- ~a")                                                    \
  X(UNARY_NOT, None, 0, "a -- not a")                                                    \
  X(COMPARE_OP, CmpOp, -1, "a b -- a cmp b")                                             \
  X(IS_OP, Flag, -1, "a b -- a is b  (1: is not)")                                       \
  X(CONTAINS_OP, Flag, -1, "a b -- a in b  (1: not in)")                                 \
  X(JUMP, Jump, 0, "--")                                                                 \
  X(JUMP_BACKWARD, Jump, 0, "--  (a loop's back edge: checks the eval breaker)")         \
  X(POP_JUMP_IF_FALSE, Jump, -1, "cond --")                                              \
  X(POP_JUMP_IF_TRUE, Jump, -1, "cond --")                                               \
  X(POP_JUMP_IF_NONE, Jump, -1, "v --")                                                  \
  X(JUMP_IF_FALSE_OR_POP, Jump, -1, "cond -- cond (jumps) | -- (falls through)")         \
  X(JUMP_IF_TRUE_OR_POP, Jump, -1, "cond -- cond (jumps) | -- (falls through)")          \
  X(GET_ITER, None, 0, "iterable -- iterator")                                           \
  X(FOR_ITER, Jump, 1, "it -- it next  |  it -- (exhausted: jumps)")                     \
  X(BUILD_TUPLE, Count, kVariable, "items... -- tuple")                                  \
  X(BUILD_LIST, Count, kVariable, "items... -- list")                                    \
  X(BUILD_SET, Count, kVariable, "items... -- set")                                      \
  X(BUILD_CONST_SET, None, 0, "tuple -- set  (a display of constants, built as CPython does)") \
  X(BUILD_MAP, Count, kVariable, "k1 v1 ... -- dict")                                    \
  X(BUILD_STRING, Count, kVariable, "parts... -- str")                                   \
  X(LIST_APPEND, Count, -1, "list ... v -- list ...  (list is n-th below v)")            \
  X(SET_ADD, Count, -1, "set ... v -- set ...")                                          \
  X(MAP_ADD, Count, -2, "dict ... k v -- dict ...")                                      \
  X(LIST_EXTEND, Count, -1, "list ... it -- list ...")                                   \
  X(SET_UPDATE, Count, -1, "set ... it -- set ...")                                      \
  X(DICT_UPDATE, Count, -1, "dict ... m -- dict ...")                                    \
  X(DICT_MERGE, Count, -1, "dict ... m -- dict ...  (** in a call: duplicates fail)")    \
  X(LIST_TO_TUPLE, None, 0, "list -- tuple")                                             \
  X(UNPACK_SEQUENCE, Count, kVariable, "seq -- item_n ... item_1")                       \
  X(UNPACK_EX, Count, kVariable, "seq -- after... list before...  (before | after<<8)")  \
  X(CALL, Count, kVariable, "null|meth callable|self args... -- result")                 \
  X(CALL_KW, Count, kVariable, "null|meth callable|self args... names -- result")        \
  X(CALL_EX, Flag, kVariable, "null callable args [kwargs] -- result  (1: has kwargs)")  \
  X(MAKE_FUNCTION, Flag, kVariable,                                                      \
    "[defaults] [kwdefaults] [closure] code -- function  (1 defaults 2 kw 8 closure)")   \
  X(LOAD_BUILD_CLASS, None, 1, "-- __build_class__")                                     \
  X(RETURN_VALUE, None, -1, "v --")                                                      \
  X(YIELD_VALUE, None, 0, "v -- sent")                                                   \
  X(GET_YIELD_FROM_ITER, None, 0, "iterable -- iterator")                                \
  X(SEND, Jump, 0, "it v -- it yielded  |  it v -- result (done: jumps)")                \
  X(GET_AWAITABLE, None, 0, "awaitable -- iterator  (a coroutine, or what __await__ returns)") \
  X(GET_AITER, None, 0, "obj -- obj.__aiter__()")                                        \
  X(GET_ANEXT, None, 1, "aiter -- aiter awaitable  (aiter.__anext__())")                 \
  X(END_ASYNC_FOR, None, -2, "aiter exc --  (StopAsyncIteration ends the loop, else reraises)") \
  X(RAISE_VARARGS, Count, kVariable, "[exc [cause]] --")                                 \
  X(RERAISE, None, -1, "exc --")                                                         \
  X(PUSH_EXC_INFO, None, 1, "exc -- previous exc")                                       \
  X(POP_EXCEPT, None, -1, "previous --")                                                 \
  X(CHECK_EXC_MATCH, None, 0, "exc type -- exc bool")                                    \
  X(LOAD_ASSERTION_ERROR, None, 1, "-- AssertionError")                                  \
  X(BEFORE_WITH, None, 1, "mgr -- exit enter_result")                                    \
  X(BEFORE_ASYNC_WITH, None, 1, "mgr -- aexit aenter_awaitable")                        \
  X(WITH_EXIT, None, -1, "exit --  (calls exit(None, None, None))")                      \
  X(WITH_EXCEPT_START, None, 1, "exit prev exc -- exit prev exc result")                 \
  X(IMPORT_NAME, Name, -1, "level fromlist -- module")                                   \
  X(IMPORT_FROM, Name, 1, "module -- module attr")                                       \
  X(IMPORT_STAR, None, -1, "module --")                                                  \
  X(FORMAT_VALUE, Flag, kVariable, "v [spec] -- str  (0-3 conversion none/s/r/a, 4 spec)") \
  X(PRINT_EXPR, None, -1, "v --  (REPL: echo and bind _)")                               \
  X(SETUP_ANNOTATIONS, None, 0, "--")                                                    \
  /* match statements (Language Reference §8.6; vm/match.cpp) */                       \
  X(MATCH_SEQUENCE, None, 1, "subject -- subject bool  (a sequence pattern may match)")  \
  X(MATCH_MAPPING, None, 1, "subject -- subject bool  (a mapping pattern may match)")    \
  X(GET_LEN, None, 1, "obj -- obj len(obj)")                                              \
  X(MATCH_KEYS, None, 1, "subject keys -- subject keys values|None")                     \
  X(MATCH_CLASS, Count, -2, "subject type names -- attrs|None  (n positional sub-patterns)") \
  X(COPY_DICT_WITHOUT_KEYS, None, -1, "subject keys -- dict(subject) less keys  (**rest)")

enum class Op : std::uint8_t {
#define GILVM_OP_ENUM(name, kind, effect, picture) name,
  GILVM_OPCODES(GILVM_OP_ENUM)
#undef GILVM_OP_ENUM
      Count_
};

constexpr int kOpCount = static_cast<int>(Op::Count_);

struct OpInfo {
  const char* name;
  OperandKind operand;
  int stack_effect;  // kVariable: depends on the operand
};

inline constexpr OpInfo kOpInfo[] = {
#define GILVM_OP_INFO(name, kind, effect, picture) {#name, OperandKind::kind, effect},
    GILVM_OPCODES(GILVM_OP_INFO)
#undef GILVM_OP_INFO
};

// Instruction word encoding.
constexpr std::uint32_t encode(Op op, std::uint32_t arg) {
  return static_cast<std::uint32_t>(op) | (arg << 8);
}
constexpr Op op_of(std::uint32_t word) { return static_cast<Op>(word & 0xff); }
constexpr std::uint32_t arg_of(std::uint32_t word) { return word >> 8; }
constexpr std::int32_t signed_arg_of(std::uint32_t word) {
  return static_cast<std::int32_t>(word) >> 8;
}
constexpr std::uint32_t kMaxArg = (1u << 24) - 1;

// Stack effect of one instruction (fall-through path).
int stack_effect(Op op, std::uint32_t arg);

}  // namespace gilvm
