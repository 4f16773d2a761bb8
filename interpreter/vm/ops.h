// Out-of-line pieces of the eval loop's handlers (docs/style.md §2): the loop
// stays readable, and each complex operation lives in the file about it.
#pragma once

#include <cstdint>
#include <vector>

#include "front/ast.h"
#include "vm/interp.h"

namespace gilvm::ops {

// Arithmetic on two inline ints / two floats without allocating. False when
// the fast path does not apply (overflow, division by zero, ...): the caller
// then takes the general path, which raises or promotes.
bool int_fast_op(front::BinOp op, std::int64_t a, std::int64_t b, Value& out);
bool float_fast_op(front::BinOp op, double a, double b, Value& out);

// NameError / UnboundLocalError for an empty cell.
void raise_unbound_deref(ThreadState& ts, CodeObject* code, std::uint32_t index);

// For LOAD_METHOD: when obj.name is a function found on obj's type (and not
// shadowed by the instance), sets `out` to it unbound. Sets Null when the
// attribute must be looked up normally. False on error.
bool load_method(ThreadState& ts, Value obj, Str* name, Value& out);

// The next-function of range iterators (FOR_ITER inlines it).
Value range_iter_next(ThreadState& ts, Iterator* it);

// Appends the items of an iterable; TypeError when it is not iterable.
bool extend_from_iterable(ThreadState& ts, Value iterable, std::vector<Value>& out);
// Unpacks exactly `n` items (min_extra == SIZE_MAX) or at least `n`
// (star-unpacking), with CPython's ValueError messages.
bool unpack_iterable(ThreadState& ts, Value iterable, std::size_t n, std::size_t min_extra,
                     std::vector<Value>& out);
// dict.update-like merge for {**m} and f(**m) (`for_call`: duplicate keys
// are an error and keys must be strings).
bool dict_merge(ThreadState& ts, Dict* target, Value mapping, bool for_call);
// f(*args, **kwargs)
Value call_with_containers(ThreadState& ts, Value callable, Value args_tuple, Value kwargs_dict);

// The eval loop's handlers hold no C++ object with a destructor (computed
// goto leaves a scope without running destructors), so the operations that
// need one live here.
//
// BUILD_STRING: concatenates n strs.
Value build_string(ThreadState& ts, const Value* parts, std::size_t n);
// LIST_EXTEND: list.extend(iterable) with CPython's message for [*x].
bool list_extend(ThreadState& ts, List* list, Value iterable);
// UNPACK_SEQUENCE / UNPACK_EX: replaces the sequence at `slot` with its
// items in stack order (the first target on top). With `starred`, `n`
// items before and `after` items after a list of the rest.
bool unpack_onto_stack(ThreadState& ts, Value* slot, std::size_t n, std::size_t after, bool starred);
// CALL_KW with many keyword names.
Value call_with_names(ThreadState& ts, Value callable, const Value* args, std::size_t npos, Tuple* names,
                      const Value* kwvalues);

// raise EXC [from CAUSE]
void do_raise(ThreadState& ts, Value exc, Value cause, bool has_cause);
// except TYPE: 1 match, 0 no, -1 error (TYPE is not an exception class)
int exception_match(ThreadState& ts, Value exc, Value type);
// StopIteration(x).value
Value stop_iteration_value(ThreadState& ts, Value exc);

// with: looks up __enter__/__exit__, calls __enter__.
bool before_with(ThreadState& ts, Value mgr, Value& exit_fn, Value& entered);

// Coroutines (vm/coroutine.cpp). await: the iterator to drive (a coroutine
// itself, or what __await__ returns). async for: obj.__aiter__(), and
// aiter.__anext__() (the awaitable). async with: looks up __aenter__/
// __aexit__, calls __aenter__ (the awaitable).
Value get_awaitable(ThreadState& ts, Value v);
Value get_aiter(ThreadState& ts, Value v);
Value get_anext(ThreadState& ts, Value aiter);
bool before_async_with(ThreadState& ts, Value mgr, Value& exit_fn, Value& awaitable);

// match statements (vm/match.cpp). Whether a sequence / mapping pattern
// may match the subject (CPython's Py_TPFLAGS_SEQUENCE / _MAPPING).
bool match_sequence(ThreadState& ts, Value subject);
bool match_mapping(ThreadState& ts, Value subject);
// The values of `keys` (a tuple) in the mapping subject, as a tuple; None
// when one is missing.
Value match_keys(ThreadState& ts, Value subject, Value keys);
// A class pattern: the subject's attributes for `npos` positional
// sub-patterns (through __match_args__) and the keyword names (a tuple),
// as a tuple; None when the subject is not an instance or lacks one.
Value match_class(ThreadState& ts, Value subject, Value type, std::uint32_t npos, Value names);
// **rest of a mapping pattern: a dict of the subject without `keys`.
Value copy_dict_without_keys(ThreadState& ts, Value subject, Value keys);

// The REPL's echo of an expression statement (and `_`).
bool print_expr(ThreadState& ts, Value v);

}  // namespace gilvm::ops
