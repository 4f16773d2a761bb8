// CodeObject: the compiled form of a module, function, class body, lambda or
// comprehension. Immutable once built; shared by every Function made from it.
//
// Frame layout on the thread's value stack (struct Frame, vm/interp.h):
//     [ locals: nlocals ][ cells: cellvars then freevars ][ operand stack ]
// The first argcount + kwonlycount (+1 for *args, +1 for **kwargs) locals
// are the parameters, in that order.
//
// Exceptions use a table, as CPython 3.11 does ("zero-cost" try): an
// instruction in [start, end) that raises unwinds the operand stack to
// `depth` items, pushes the exception and jumps to `handler`. No opcode runs
// on entry to a try block.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/opcodes.h"
#include "vm/object.h"

namespace gilvm {

struct ExceptionTableEntry {
  std::uint32_t start;    // first covered instruction
  std::uint32_t end;      // one past the last
  std::uint32_t handler;  // where to continue
  std::uint32_t depth;    // operand stack items to keep
};

enum CodeFlags : std::uint32_t {
  kCodeGenerator = 1,
  kCodeVarargs = 2,
  kCodeVarkw = 4,
  kCodeClassBody = 8,    // locals live in a dict (LOAD_NAME / STORE_NAME)
  kCodeModule = 16,      // module level: names are globals
  // No cells, no free variables, no *args/**kwargs, no keyword-only
  // parameters, not a generator: a call with exactly argcount positional
  // arguments binds them where they already are (the eval loop's fast path).
  kCodeSimple = 32,
  kCodeCoroutine = 64,   // async def: kCodeGenerator is set too; calling it makes a coroutine
};

// LOAD_GLOBAL's cache, one entry per name: the value found the last time,
// valid while the globals and builtins dicts still have the versions seen
// then. The cached globals dict is traced, so it cannot be freed and its
// address reused while an entry names it.
struct GlobalCacheEntry {
  Dict* globals = nullptr;
  std::uint64_t globals_version = 0;
  std::uint64_t builtins_version = 0;
  Value value;
};

struct CodeObject : Object {
  std::vector<std::uint32_t> code;
  std::vector<int> lines;            // source line of each instruction
  std::vector<int> columns;          // source column of each instruction
  std::vector<Value> consts;
  std::vector<Str*> names;           // globals, attributes, imports
  std::vector<Str*> varnames;        // locals, parameters first
  std::vector<Str*> cellvars;        // locals captured by inner functions
  std::vector<Str*> freevars;        // captured from enclosing functions
  std::vector<int> cell_from_arg;    // per cellvar: parameter index it starts from, or -1
  std::vector<ExceptionTableEntry> exception_table;
  Str* name = nullptr;
  Str* qualname = nullptr;
  Str* filename = nullptr;
  int firstline = 0;
  int argcount = 0;                  // positional parameters (incl. positional-only)
  int posonlycount = 0;
  int kwonlycount = 0;
  int nlocals = 0;
  int stacksize = 0;                 // operand stack high-water mark
  std::uint32_t flags = 0;
  std::vector<GlobalCacheEntry> global_cache;  // sized like `names` by the compiler

  int ncells() const { return static_cast<int>(cellvars.size() + freevars.size()); }
  // Slots a frame of this code needs on the value stack.
  int frame_size() const { return nlocals + ncells() + stacksize; }
  int line_at(std::size_t pc) const { return pc < lines.size() ? lines[pc] : firstline; }

  explicit CodeObject(Type* t) : Object(t, Kind::Code) {}
  void trace(Tracer&) override;
};

// Looks up the handler for an exception raised at instruction `pc`.
const ExceptionTableEntry* find_handler(const CodeObject& code, std::uint32_t pc);

}  // namespace gilvm
