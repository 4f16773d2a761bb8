// modules/pickle/ — the pickle module: CPython's binary serialisation
// format, written and read natively so that gilvm and CPython 3.11 read
// each other's pickles and multiprocessing can send values between
// processes quickly.
//
// The format (Lib/pickletools.py documents every opcode; PEP 307 for
// protocol 2, PEP 3154 for protocol 4, PEP 574 for 5). A pickle is a
// program for a small stack machine: each opcode is one byte, possibly
// followed by an argument, and the unpickler runs it to rebuild the value.
// A memo (a table of objects by index) lets the program refer back to an
// object it built earlier, which is how shared and recursive references
// survive: the pickler memoizes every container, str, bytes and global the
// moment it has pushed it, and emits a GET of the memo index when it meets
// the same object again. Protocol 4 adds framing: the opcodes after PROTO
// are grouped in frames of about 64 KiB, each announced by FRAME and its
// 8-byte length, so a reader of a file can fetch a frame in one read.
//
// The pickler (pickler.cpp) makes the same choices as CPython's C pickler
// (Modules/_pickle.c), so that for None, bool, int, float, str, bytes,
// tuple, list, dict, set and frozenset, and the nesting of these, gilvm
// writes the same bytes as CPython: the smallest int opcode, MEMOIZE after
// each memoized object, lists and dicts in batches of 1000 (APPENDS /
// SETITEMS), tuples of up to 3 items with TUPLE1..3, frames cut at the
// first opcode boundary past 64 KiB and dropped when under 4 bytes, and
// payloads of 64 KiB or more written outside any frame. Instances of user
// classes follow object.__reduce_ex__ (copyreg): the class by reference,
// NEWOBJ, then BUILD with the instance's state. Functions and classes are
// pickled by reference (module and qualified name), as CPython does.
//
// The unpickler (unpickler.cpp) accepts every opcode CPython 3.11 writes at
// protocols 0 to 5 for these values (not persistent ids, the extension
// registry or out-of-band buffers); bad input raises UnpicklingError or
// EOFError, never reads past the data.
//
// The GIL is held throughout: both sides touch heap objects at every step
// and may call back into Python (__reduce__, __setstate__, imports).
#pragma once

#include <string>
#include <string_view>

#include "vm/api.h"

namespace gilvm::pickle {

// Protocol numbers (Lib/pickle.py HIGHEST_PROTOCOL, DEFAULT_PROTOCOL).
inline constexpr int kHighestProtocol = 5;
inline constexpr int kDefaultProtocol = 4;

// The module's exception classes, made once at import (module.cpp).
struct ErrorTypes {
  Type* pickle_error;      // _pickle.PickleError(Exception)
  Type* pickling_error;    // _pickle.PicklingError(PickleError)
  Type* unpickling_error;  // _pickle.UnpicklingError(PickleError)
  Type* roots;             // the hidden type of the pickler's / unpickler's GC roots
};

struct Roots;
struct PickleMemo;

// Serialises `v` at `protocol` (0..5) into `out`. False with an exception
// pending on failure.
[[nodiscard]] bool dump_value(ThreadState& ts, const ErrorTypes& errors, Value v, int protocol, std::string& out);
// The same with a memo that outlives the call (pickle.Pickler: a later
// dump refers back to objects an earlier one wrote). `roots` keeps the
// memoized objects alive; `memo.pinned` must be set.
[[nodiscard]] bool dump_value_with_memo(ThreadState& ts, const ErrorTypes& errors, Value v, int protocol,
                                        std::string& out, Roots* roots, PickleMemo& memo);

// Rebuilds the value a pickle describes. `data` must stay unchanged while
// this runs (the caller roots its bytes object). Returns Fail with an
// exception pending on bad input.
[[nodiscard]] Value load_value(ThreadState& ts, const ErrorTypes& errors, std::string_view data,
                               std::size_t* consumed = nullptr);
// The same from a binary file object, read as far as the pickle goes.
// With `roots`, its memo (Roots::second) is kept from one load to the next
// (pickle.Unpickler).
[[nodiscard]] Value load_file(ThreadState& ts, const ErrorTypes& errors, Value file, Roots* roots = nullptr);

}  // namespace gilvm::pickle

namespace gilvm::pickle {

// The pickler's and unpickler's working Values (the unpickler's stack and
// memo, the pickler's results of __reduce__ calls), kept in a heap object
// rooted for the duration of one dumps/loads, so that a collection during
// a call back into Python sees them.
struct Roots : Opaque {
  std::vector<Value> first;   // unpickler: the stack; pickler: values kept alive
  std::vector<Value> second;  // unpickler: the memo (Null: no entry)
  explicit Roots(Type* t) : Opaque(t) {}
  void trace(Tracer& t) override {
    for (Value v : first) t.mark(v);
    for (Value v : second) t.mark(v);
  }
};

}  // namespace gilvm::pickle
