// The disassembler, generated from the opcode list (opcodes.h): each
// operand is printed by its OperandKind, in `python -m dis` layout:
//
//   line  >>offset OPNAME                 arg (meaning)
//
// Offsets are instruction indexes; ">>" marks jump targets; a blank line
// separates source lines; nested code objects follow their parent.
#pragma once

#include <string>

#include "compiler/code.h"

namespace gilvm {

// One code object (and, with `recursive`, the code objects in its
// constants). `current` marks one instruction with "-->" (the stepper).
[[nodiscard]] std::string disassemble(const CodeObject& code, bool recursive = true, int current = -1);

// The "(meaning)" part for one instruction, empty when there is none.
[[nodiscard]] std::string describe_operand(const CodeObject& code, std::uint32_t word);

}  // namespace gilvm
