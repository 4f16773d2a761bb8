// vm/iterate.h — iterating a Python iterable from C++, in one place.
//
// Native code that walks an iterable (set.update, bytes(iterable), str.join,
// dict.fromkeys, sum, ...) must do the same dance each time: get the
// iterator, keep it and the current item rooted for the collector (the
// iterator's __next__ and whatever the loop body calls may run Python code,
// and Python code may allocate and so collect), call next until it reports
// exhaustion (iter_next turns StopIteration into Null), and hand an error
// back as Value::fail() with the exception pending (vm/api.h). These helpers
// do it once, as CPython's PyIter_Next loops and Lua's luaH_next do:
//
//   bool ok = for_each_item(ts, iterable, [&](Value v) -> bool {
//     ...                   // return false with an exception pending to fail
//     return true;
//   });
//
// The body may also return an IterStep, to end the loop early (Break)
// without an error. The helpers return false when the iterable is not
// iterable, when next() raises, or when the body fails; true otherwise.
//
// Lists and tuples are read in place, without an Iterator object: the loop
// re-reads the list's size on every step, exactly as the list iterator
// (vm/iter.cpp) does, so a body that appends to or shrinks the list sees
// the same items a Python `for` loop would. get_iter makes the same choice
// for every object of Kind::List/Tuple, so this is not a change of
// semantics for subclasses either.
#pragma once

#include <type_traits>

#include "vm/api.h"

namespace gilvm {

// What a loop body asks for next (a body may return plain bool instead:
// true = Continue, false = Fail).
enum class IterStep : std::uint8_t { Continue, Break, Fail };

namespace detail {
template <class F>
IterStep run_body(F& body, Value v) {
  if constexpr (std::is_same_v<std::invoke_result_t<F&, Value>, bool>)
    return body(v) ? IterStep::Continue : IterStep::Fail;
  else
    return body(v);
}
}  // namespace detail

// Calls body(item) for each item the iterator `it` yields. `it` and the
// current item are rooted meanwhile.
template <class F>
[[nodiscard]] bool for_each_next(ThreadState& ts, Value it, F&& body) {
  TempRoot it_root(ts, it);
  TempRoot item_root(ts, Value::none());
  for (;;) {
    Value v = iter_next(ts, it);
    if (v.is_fail()) return false;
    if (v.is_null()) return true;
    item_root.set(v);
    switch (detail::run_body(body, v)) {
      case IterStep::Continue: break;
      case IterStep::Break: return true;
      case IterStep::Fail: return false;
    }
  }
}

namespace detail {
// The in-place walk over a list or tuple; false (and `handled` unset) for
// any other iterable.
template <class F>
bool for_each_in_place(ThreadState& ts, Value iterable, F& body, bool& handled) {
  handled = true;
  if (List* l = as_list(iterable)) {
    TempRoot item_root(ts, Value::none());
    for (std::size_t i = 0; i < l->items.size(); ++i) {
      Value v = l->items[i];
      item_root.set(v);
      switch (run_body(body, v)) {
        case IterStep::Continue: break;
        case IterStep::Break: return true;
        case IterStep::Fail: return false;
      }
    }
    return true;
  }
  if (Tuple* t = as_tuple(iterable)) {
    for (Value v : t->items) {  // immutable, and it roots its items
      switch (run_body(body, v)) {
        case IterStep::Continue: break;
        case IterStep::Break: return true;
        case IterStep::Fail: return false;
      }
    }
    return true;
  }
  handled = false;
  return false;
}
}  // namespace detail

// Calls body(item) for each item of `iterable` (which the caller keeps
// alive). A list may be mutated by the body; its items are re-read by
// index, and the item being processed stays rooted even if the body removes
// it from the list.
template <class F>
[[nodiscard]] bool for_each_item(ThreadState& ts, Value iterable, F&& body) {
  bool handled;
  bool ok = detail::for_each_in_place(ts, iterable, body, handled);
  if (handled) return ok;
  Value it = get_iter(ts, iterable);
  if (it.is_fail()) return false;
  return for_each_next(ts, it, body);
}

// The same, for callers whose message for a non-iterable differs from
// iter()'s ("can only join an iterable"): when get_iter raises TypeError,
// it is dropped and not_iterable() raises the caller's error instead.
// Errors raised later (by next() or the body) pass unchanged.
template <class F, class G>
[[nodiscard]] bool for_each_item(ThreadState& ts, Value iterable, F&& body, G&& not_iterable) {
  bool handled;
  bool ok = detail::for_each_in_place(ts, iterable, body, handled);
  if (handled) return ok;
  Value it = get_iter(ts, iterable);
  if (it.is_fail()) {
    if (exception_matches(ts, ts.interp.types.TypeError)) {
      take_exception(ts);
      not_iterable();
    }
    return false;
  }
  return for_each_next(ts, it, body);
}

}  // namespace gilvm
