// runtime/set_ops.h — set and frozenset operations: the ones the core calls
// directly (the operators | & - ^ and their in-place forms, comparisons,
// frozenset hashing) and the building blocks runtime/set_methods.cpp uses.
//
// The table (runtime/set.cpp) follows CPython 3.11's Objects/setobject.c
// wherever it decides iteration order: the same probe sequence, resize rule
// and re-insertion order, and the same way each operation builds its
// result (which set is copied, which one is walked), so that printing a set
// of ints shows the order CPython shows.
//
// Error convention: functions returning Set* return nullptr, int functions
// -1, bool functions false, with an exception pending. Any of them may run
// Python code (__hash__, __eq__, iteration of an argument).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "front/ast.h"
#include "vm/value.h"

namespace gilvm {

struct ThreadState;
struct Set;
struct SetEntry;

// ---------------------------------------------------------------------------
// For the core
// ---------------------------------------------------------------------------

// a | b, a & b, a - b, a ^ b (op is BitOr, BitAnd, Sub or BitXor) for two
// sets or frozensets. The result has a's type (set or frozenset).
[[nodiscard]] Value set_binary(ThreadState& ts, front::BinOp op, Set* a, Set* b);

// a |= b, a &= b, a -= b, a ^= b: mutates a set `a` and returns it; for a
// frozenset `a` it is the binary operation (a new frozenset), as in CPython
// where frozenset has no in-place slots.
[[nodiscard]] Value set_inplace(ThreadState& ts, front::BinOp op, Set* a, Set* b);

// a OP b for Eq NotEq Lt LtE Gt GtE: equality, proper/improper subset and
// superset (set and frozenset compare with each other). Sets `result` to a
// bool and returns 1, or returns -1 with an exception pending.
[[nodiscard]] int set_compare(ThreadState& ts, front::CmpOp op, Set* a, Set* b, Value& result);

// hash(frozenset): CPython's frozenset_hash (shuffled entry hashes xor-ed
// over the table), cached in s->hash_. Cannot fail today (the entries'
// hashes are stored); the bool is for symmetry with tuple_hash.
[[nodiscard]] bool frozenset_hash(ThreadState& ts, Set* s, std::int64_t& out);

// The set that a display of constants {c1, c2, c3, ...} (more than two
// elements, every one a literal or a constant-folded expression) evaluates
// to in CPython 3.11, whose compiler turns such a display into
// BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE (compile.c
// starunpack_helper), the frozenset being rebuilt once more from its own
// iteration order when constants are merged (merge_consts_recursive). The
// order of the result can differ from adding c1, c2, ... one by one, e.g.
// {-1, -2, 2**61, 2**61-1, 2**64, -2**63}. Null on error (unhashable).
[[nodiscard]] Set* set_from_constant_display(ThreadState& ts, std::span<const Value> items);

// Iteration over the table in slot order (CPython's set_next): starts at
// pos = 0; returns false when no active entry is left. The entry is copied,
// so the caller may run Python code between two calls.
bool set_next(const Set* s, std::size_t& pos, SetEntry& out);

// ---------------------------------------------------------------------------
// Building blocks (runtime/set_methods.cpp)
// ---------------------------------------------------------------------------

// Inserts key whose hash is known. 0 on success (added or present), -1.
[[nodiscard]] int set_add_entry(ThreadState& ts, Set* s, Value key, std::int64_t hash);
// Membership and removal by key, hashing it; a set key that is unhashable
// is looked up as a frozenset (CPython's set_contains / set_discard).
// 1 found (removed), 0 not, -1 error.
[[nodiscard]] int set_contains_key(ThreadState& ts, Set* s, Value key);
[[nodiscard]] int set_discard_key(ThreadState& ts, Set* s, Value key);
// Empties s (back to a table of 8).
void set_clear(Set* s);

// A new empty set or frozenset (`frozen`) with the items of `iterable`
// (Null: none), CPython's make_new_set.
[[nodiscard]] Set* set_from_iterable(ThreadState& ts, bool frozen, Value iterable);
// s.update(iterable): set_update_internal (sets and dicts use their stored
// hashes).
[[nodiscard]] bool set_update(ThreadState& ts, Set* s, Value iterable);
// A copy of s of the same kind (set_copy; never s itself).
[[nodiscard]] Set* set_copy(ThreadState& ts, Set* s);
// The results of s.intersection(other), s.difference(other) and
// s.symmetric_difference(other) for one argument of any iterable type.
[[nodiscard]] Set* set_intersection(ThreadState& ts, Set* s, Value other);
[[nodiscard]] Set* set_difference(ThreadState& ts, Set* s, Value other);
[[nodiscard]] Set* set_symmetric_difference(ThreadState& ts, Set* s, Value other);
// In-place forms for one argument.
[[nodiscard]] bool set_intersection_update(ThreadState& ts, Set* s, Value other);
[[nodiscard]] bool set_difference_update(ThreadState& ts, Set* s, Value other);
[[nodiscard]] bool set_symmetric_difference_update(ThreadState& ts, Set* s, Value other);
// s <= other, s >= other, s.isdisjoint(other) for any iterable: 1, 0, -1.
[[nodiscard]] int set_issubset(ThreadState& ts, Set* s, Value other);
[[nodiscard]] int set_issuperset(ThreadState& ts, Set* s, Value other);
[[nodiscard]] int set_isdisjoint(ThreadState& ts, Set* s, Value other);

}  // namespace gilvm
