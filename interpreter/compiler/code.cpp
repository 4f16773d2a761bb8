// Stack effects of the variable-effect opcodes, and the exception-table
// lookup. (The fixed effects come from the opcode list in opcodes.h.)
#include "compiler/code.h"

#include <bit>

namespace gilvm {

int stack_effect(Op op, std::uint32_t arg) {
  const int n = static_cast<int>(arg);
  switch (op) {
    case Op::BUILD_SLICE:
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_STRING:
      return 1 - n;
    case Op::BUILD_MAP:
      return 1 - 2 * n;
    case Op::UNPACK_SEQUENCE:
      return n - 1;
    case Op::UNPACK_EX:
      return static_cast<int>(arg & 0xff) + static_cast<int>(arg >> 8);
    case Op::CALL:
      return -n - 1;
    case Op::CALL_KW:
      return -n - 2;
    case Op::CALL_EX:
      return 1 - (3 + (n & 1));
    case Op::MAKE_FUNCTION:
      return -std::popcount(arg & (1u | 2u | 8u));
    case Op::RAISE_VARARGS:
      return -n;
    case Op::FORMAT_VALUE:
      return (arg & 4) ? -1 : 0;
    default:
      return kOpInfo[static_cast<int>(op)].stack_effect;
  }
}

const ExceptionTableEntry* find_handler(const CodeObject& code, std::uint32_t pc) {
  // Entries are sorted by start and do not overlap (the compiler attributes
  // each instruction to its innermost handler), so the first hit is it.
  for (const ExceptionTableEntry& e : code.exception_table)
    if (pc >= e.start && pc < e.end) return &e;
  return nullptr;
}

}  // namespace gilvm
