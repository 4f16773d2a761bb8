// runtime/dict_ops.h — dict iteration and the dict views (keys(), values(),
// items()) for the core; the dict methods themselves are registered by
// runtime/dict_methods.cpp, and the hash table is runtime/dict.cpp.
//
// A view is an Iterator object whose type is interp.types.dict_keys,
// dict_values or dict_items, whose `source` is the dict and whose `pos` is
// which view it is (DictView). It is *not* an iterator: iter(view) must go
// through dict_view_iter, which makes a fresh dict iterator each time (its
// own `next` raises TypeError "'dict_keys' object is not an iterator").
// A view is live: it reflects later changes of its dict.
//
// A dict iterator is an Iterator of type interp.types.iterator over the
// dict's entries in insertion order; it raises RuntimeError "dictionary
// changed size during iteration" when the dict's `used` differs from what
// it was when the iterator was made (CPython's dictiter_iternextkey).
#pragma once

#include <cstdint>

#include "front/ast.h"
#include "vm/value.h"

namespace gilvm {

struct ThreadState;
struct Interpreter;
struct Dict;

enum DictView : int { kDictKeys = 0, kDictValues = 1, kDictItems = 2 };

// A new keys / values / items view of d.
[[nodiscard]] Value dict_view_new(ThreadState& ts, Dict* d, int which);

// iter(d) (which = kDictKeys), iter(d.values()), iter(d.items()).
[[nodiscard]] Value dict_iter(ThreadState& ts, Dict* d, int which);

// True when v is a dict view (of any of the three types).
bool is_dict_view(Interpreter& interp, Value v);

// For a view `view` (the caller checked is_dict_view or the type):
// len(view); `needle in view` (1, 0, -1: keys look the key up, items look
// the key up and compare the value, values compare with == one by one);
// iter(view); repr(view) as a str, e.g. dict_keys(['a', 'b']) (Fail on
// error; a view met again while it is being printed shows as ...).
[[nodiscard]] std::int64_t dict_view_len(ThreadState& ts, Value view);
[[nodiscard]] int dict_view_contains(ThreadState& ts, Value view, Value needle);
[[nodiscard]] Value dict_view_iter(ThreadState& ts, Value view);
[[nodiscard]] Value dict_view_repr(ThreadState& ts, Value view);

// Set operations of keys and items views (CPython's dictviews_and/or/sub/
// xor): a OP b for op in BitAnd BitOr Sub BitXor when a or b is a keys or
// items view and the other is any iterable; the result is a new set.
// Returns Null (nothing raised) when neither operand is a keys/items view,
// so the caller goes on with its usual "unsupported operand" path.
[[nodiscard]] Value dict_view_binary(ThreadState& ts, front::BinOp op, Value a, Value b);

// a OP b (Eq NotEq Lt LtE Gt GtE) when a is a keys or items view and b is
// a set, frozenset or keys/items view (or the other way round): set-like
// comparison (dictview_richcompare). 1 with `result` set, 0 when it does
// not apply (the caller falls back to identity / TypeError), -1 on error.
[[nodiscard]] int dict_view_compare(ThreadState& ts, front::CmpOp op, Value a, Value b, Value& result);

}  // namespace gilvm
