// runtime/seq_ops.h — the operations on list and tuple that the core calls
// directly: subscripts (get, set, delete, with slices and steps), + and *,
// lexicographic comparison, `in`, tuple hashing, and the list sort that both
// list.sort and the builtin sorted() use.
//
// Every function that compares or hashes elements may run Python code
// (__eq__, __lt__, __hash__), and that code may mutate the very list being
// walked. So loops re-read the size and re-index the vector on every step
// and never keep an iterator or a reference into `items` across such a call
// (CPython's listobject.c re-checks Py_SIZE in the same places).
//
// Messages are CPython 3.11's (Objects/listobject.c, Objects/tupleobject.c).
// The methods of list and tuple are registered by runtime/list_methods.cpp.
#pragma once

#include <cstdint>
#include <vector>

#include "front/ast.h"
#include "vm/value.h"

namespace gilvm {

struct ThreadState;
struct List;
struct Tuple;

// l[i] or l[a:b:c]. IndexError "list index out of range"; TypeError "list
// indices must be integers or slices, not str".
[[nodiscard]] Value list_getitem(ThreadState& ts, List* l, Value index_or_slice);

// l[i] = v, or l[a:b] = iterable (the list grows or shrinks), or
// l[a:b:c] = iterable of exactly the slice's length ("attempt to assign
// sequence of size 2 to extended slice of size 3"). False with an exception
// pending on error.
[[nodiscard]] bool list_setitem(ThreadState& ts, List* l, Value index_or_slice, Value v);

// del l[i], del l[a:b:c].
[[nodiscard]] bool list_delitem(ThreadState& ts, List* l, Value index_or_slice);

// t[i] or t[a:b:c]. IndexError "tuple index out of range".
[[nodiscard]] Value tuple_getitem(ThreadState& ts, Tuple* t, Value index_or_slice);

// a + b where a is a list or a tuple: a new list / tuple. TypeError
// `can only concatenate list (not "int") to list` when b is not of a's type.
[[nodiscard]] Value seq_concat(ThreadState& ts, Value a, Value b);

// seq * n for a list or tuple (n <= 0 gives an empty one). A tuple times 1
// is the tuple itself, as in CPython.
[[nodiscard]] Value seq_repeat(ThreadState& ts, Value seq, std::int64_t n);

// a OP b for two sequences of the same type (Python Language Reference
// §6.10.1 "Value comparisons"): the first pair of elements that are not
// equal decides with OP; if there is none, the lengths decide. Eq/NotEq
// compare lengths first. Sets `result` (a bool, or whatever the element
// comparison returned) and returns 1; returns -1 with an exception pending.
// The vectors are normally two lists' or tuples' `items`; they may change
// while Python code runs, and are re-read at each step.
[[nodiscard]] int seq_compare(ThreadState& ts, front::CmpOp op, const std::vector<Value>& a,
                              const std::vector<Value>& b, Value& result);

// `needle in items` with ==: 1, 0, or -1 on error.
[[nodiscard]] int seq_contains(ThreadState& ts, const std::vector<Value>& items, Value needle);

// hash(t), CPython 3.11's xxHash-based tuplehash (Objects/tupleobject.c), so
// hash((1, 2)) is the same number as in CPython. False with TypeError
// "unhashable type: 'list'" pending when an element is unhashable.
[[nodiscard]] bool tuple_hash(ThreadState& ts, Tuple* t, std::int64_t& out);

// Appends the items of `iterable` to `out` (list.extend; also how the
// list ctor and slice assignment gather items). `out` must be reachable by
// the collector (rooted) since a generator may run. Extending a list with
// itself doubles it. False on error.
[[nodiscard]] bool seq_extend(ThreadState& ts, List* out, Value iterable);

// Sorts l in place, stably, with `key` (Null or None: none) and `reverse`,
// as list.sort does: the list is empty while the sort runs, and if Python
// code puts anything in it meanwhile the sort fails with ValueError "list
// modified during sort". On a failed comparison the list keeps all its
// items in some order and the exception stays pending. False on error.
[[nodiscard]] bool list_sort(ThreadState& ts, List* l, Value key, bool reverse);

}  // namespace gilvm
