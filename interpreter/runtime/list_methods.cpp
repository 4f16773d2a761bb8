// runtime/list_methods.cpp — the list and tuple constructors and the methods
// of list (append ... sort) and tuple (index, count).
//
// The operations the eval loop performs directly on lists and tuples
// (subscripts, +, *, comparison, `in`, hash) are in runtime/seq_ops.cpp;
// this file is only what a program reaches by name. Each method checks its
// receiver first, because list.append(5, 1) arrives here with self = 5.
//
// Loops that compare elements (remove, index, count) call __eq__, which may
// change the list: they re-read the size on every step and never keep an
// iterator into `items` across the call. Messages are CPython 3.11's
// (Objects/listobject.c, Objects/clinic/listobject.c.h).
#include <algorithm>
#include <limits>

#include "runtime/init.h"
#include "runtime/seq_ops.h"
#include "vm/api.h"

namespace gilvm {

namespace {

// The receiver of a list method, or null with TypeError raised.
List* self_list(ThreadState& ts, Value self, const char* method) {
  List* l = as_list(self);
  if (l == nullptr)
    raise_fmt(ts, ts.interp.types.TypeError, "descriptor '{}' for 'list' objects doesn't apply to a '{}' object",
              method, type_name(ts, self));
  return l;
}

Tuple* self_tuple(ThreadState& ts, Value self, const char* method) {
  Tuple* t = as_tuple(self);
  if (t == nullptr)
    raise_fmt(ts, ts.interp.types.TypeError,
              "descriptor '{}' for 'tuple' objects doesn't apply to a '{}' object", method,
              type_name(ts, self));
  return t;
}

// A start/stop bound of index() (CPython's _PyEval_SliceIndexNotNone):
// an int or an object with __index__, clamped into [0, n].
bool slice_bound(ThreadState& ts, Value v, std::int64_t n, std::int64_t& out) {
  if (is_int_like(v) && !v.is_int() && !v.is_bool()) {
    // A big int: clamp as CPython does (_PyEval_SliceIndex saturates).
    out = to_bigint(v).is_negative() ? 0 : n;
    return true;
  }
  std::optional<std::int64_t> i;
  if (v.is_int()) {
    i = v.as_int();
  } else if (v.is_bool()) {
    i = v.as_bool() ? 1 : 0;
  } else if (v.is_obj() && v.as_obj()->kind == Kind::Instance &&
             !type_lookup(type_of(ts, v), ts.interp.names.__index__).is_null()) {
    i = to_index(ts, v);
    if (!i) return false;
  } else {
    raise(ts, ts.interp.types.TypeError, "slice indices must be integers or have an __index__ method");
    return false;
  }
  std::int64_t x = *i;
  if (x < 0) {
    x += n;
    if (x < 0) x = 0;
  }
  out = std::min(x, n);
  return true;
}

// index(x[, start[, stop]]) for a list or tuple: the first position in
// [start, stop) whose item == x, or -1 (no error) when there is none.
// `items` is re-read at each step. Returns -2 on error.
std::int64_t find_index(ThreadState& ts, const std::vector<Value>& items, const Args& a) {
  auto n = static_cast<std::int64_t>(items.size());
  std::int64_t start = 0, stop = n;
  if (!a[1].is_null() && !slice_bound(ts, a[1], n, start)) return -2;
  if (!a[2].is_null() && !slice_bound(ts, a[2], n, stop)) return -2;
  Value needle = a[0];
  for (std::int64_t i = start; i < stop && i < static_cast<std::int64_t>(items.size()); ++i) {
    Value x = items[static_cast<std::size_t>(i)];
    if (x.identical(needle)) return i;
    TempRoot rx(ts, x);
    int eq = equals(ts, x, needle);
    if (eq < 0) return -2;
    if (eq > 0) return i;
  }
  return -1;
}

Value count_of(ThreadState& ts, const std::vector<Value>& items, Value needle) {
  std::int64_t count = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Value x = items[i];
    if (x.identical(needle)) {
      ++count;
      continue;
    }
    TempRoot rx(ts, x);
    int eq = equals(ts, x, needle);
    if (eq < 0) return Value::fail();
    count += eq;
  }
  return Value::from_int(count);
}

// ---------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------

// list() / list(iterable)
Value list_ctor(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "list() takes no keyword arguments");
  if (a.size() > 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "list expected at most 1 argument, got {}", a.size());
  List* l = new_list(ts);
  if (a.size() == 0) return obj(l);
  TempRoot root(ts, obj(l));
  if (!seq_extend(ts, l, a[0])) return Value::fail();
  return obj(l);
}

// tuple() / tuple(iterable); tuple(t) is t itself.
Value tuple_ctor(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "tuple() takes no keyword arguments");
  if (a.size() > 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "tuple expected at most 1 argument, got {}", a.size());
  if (a.size() == 0) return obj(ts.interp.empty_tuple);
  if (as_tuple(a[0]) != nullptr) return a[0];
  List* tmp = new_list(ts);
  TempRoot root(ts, obj(tmp));
  if (!seq_extend(ts, tmp, a[0])) return Value::fail();
  if (tmp->items.empty()) return obj(ts.interp.empty_tuple);
  return obj(new_tuple(ts, tmp->items));
}

// ---------------------------------------------------------------------------
// list methods
// ---------------------------------------------------------------------------

Value list_append(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "append");
  if (l == nullptr) return Value::fail();
  l->items.push_back(a[0]);
  return Value::none();
}

Value list_extend(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "extend");
  if (l == nullptr) return Value::fail();
  if (!seq_extend(ts, l, a[0])) return Value::fail();
  return Value::none();
}

Value list_insert(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "insert");
  if (l == nullptr) return Value::fail();
  std::optional<std::int64_t> i = to_index(ts, a[0]);
  if (!i) return Value::fail();
  auto n = static_cast<std::int64_t>(l->items.size());
  std::int64_t where = *i;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  l->items.insert(l->items.begin() + where, a[1]);
  return Value::none();
}

Value list_pop(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "pop");
  if (l == nullptr) return Value::fail();
  std::int64_t i = -1;
  if (!a[0].is_null()) {
    std::optional<std::int64_t> x = to_index(ts, a[0]);
    if (!x) return Value::fail();
    i = *x;
  }
  auto n = static_cast<std::int64_t>(l->items.size());
  if (n == 0) return raise(ts, ts.interp.types.IndexError, "pop from empty list");
  if (i < 0) i += n;
  if (i < 0 || i >= n) return raise(ts, ts.interp.types.IndexError, "pop index out of range");
  Value v = l->items[static_cast<std::size_t>(i)];
  l->items.erase(l->items.begin() + i);
  return v;
}

Value list_remove(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "remove");
  if (l == nullptr) return Value::fail();
  Value needle = a[0];
  for (std::size_t i = 0; i < l->items.size(); ++i) {
    Value x = l->items[i];
    int eq = 1;
    if (!x.identical(needle)) {
      TempRoot rx(ts, x);
      eq = equals(ts, x, needle);
    }
    if (eq < 0) return Value::fail();
    if (eq > 0) {
      if (i < l->items.size()) l->items.erase(l->items.begin() + static_cast<std::ptrdiff_t>(i));
      return Value::none();
    }
  }
  return raise(ts, ts.interp.types.ValueError, "list.remove(x): x not in list");
}

Value list_index(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "index");
  if (l == nullptr) return Value::fail();
  std::int64_t i = find_index(ts, l->items, a);
  if (i == -2) return Value::fail();
  if (i >= 0) return Value::from_int(i);
  std::optional<std::string> r = repr_string(ts, a[0]);
  if (!r) return Value::fail();
  return raise_fmt(ts, ts.interp.types.ValueError, "{} is not in list", *r);
}

Value list_count(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "count");
  if (l == nullptr) return Value::fail();
  return count_of(ts, l->items, a[0]);
}

// sort(*, key=None, reverse=False)
Value list_sort_method(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "sort");
  if (l == nullptr) return Value::fail();
  Value key = a[0];
  bool reverse = false;
  if (Value v = a[1]; v.is_bool()) {
    reverse = v.as_bool();
  } else if (v.is_int()) {
    reverse = v.as_int() != 0;
  } else if (!v.is_null()) {
    std::optional<std::int64_t> r = to_index(ts, v);
    if (!r) return Value::fail();
    reverse = *r != 0;
  }
  if (!list_sort(ts, l, key, reverse)) return Value::fail();
  return Value::none();
}

Value list_reverse(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "reverse");
  if (l == nullptr) return Value::fail();
  std::reverse(l->items.begin(), l->items.end());
  return Value::none();
}

Value list_copy(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "copy");
  if (l == nullptr) return Value::fail();
  List* out = new_list(ts, l->items.size());
  out->items = l->items;
  return obj(out);
}

Value list_clear(ThreadState& ts, Value self, const Args& a) {
  List* l = self_list(ts, self, "clear");
  if (l == nullptr) return Value::fail();
  l->items.clear();
  return Value::none();
}

// ---------------------------------------------------------------------------
// tuple methods
// ---------------------------------------------------------------------------

Value tuple_index(ThreadState& ts, Value self, const Args& a) {
  Tuple* t = self_tuple(ts, self, "index");
  if (t == nullptr) return Value::fail();
  std::int64_t i = find_index(ts, t->items, a);
  if (i == -2) return Value::fail();
  if (i >= 0) return Value::from_int(i);
  return raise(ts, ts.interp.types.ValueError, "tuple.index(x): x not in tuple");
}

Value tuple_count(ThreadState& ts, Value self, const Args& a) {
  Tuple* t = self_tuple(ts, self, "count");
  if (t == nullptr) return Value::fail();
  return count_of(ts, t->items, a[0]);
}

// CPython declares append, extend, remove and count METH_O; reverse, copy
// and clear METH_NOARGS; insert, pop and index positional-only clinic; sort
// keyword-only clinic (Objects/clinic/listobject.c.h).
const MethodDef kListMethods[] = {
    {"append", list_append, "object, /", Style::One, Access::Mutates, "Append object to the end of the list."},
    {"extend", list_extend, "iterable, /", Style::One, Access::Mutates,
     "Extend the list by appending the elements of iterable."},
    {"insert", list_insert, "index, object, /", Style::Positional, Access::Mutates, "Insert object before index."},
    {"pop", list_pop, "index=-1, /", Style::Positional, Access::Mutates,
     "Remove and return the item at index (default last)."},
    {"remove", list_remove, "value, /", Style::One, Access::Mutates, "Remove the first occurrence of value."},
    {"index", list_index, "value, start=0, stop=sys.maxsize, /", Style::Positional, Access::Reads,
     "Return the first index of value."},
    {"count", list_count, "value, /", Style::One, Access::Reads, "Return the number of occurrences of value."},
    {"sort", list_sort_method, "*, key=None, reverse=False", Style::Keywords, Access::Mutates,
     "Sort the list in place, stably."},
    {"reverse", list_reverse, "", Style::NoArgs, Access::Mutates, "Reverse the list in place."},
    {"copy", list_copy, "", Style::NoArgs, Access::Reads, "Return a shallow copy of the list."},
    {"clear", list_clear, "", Style::NoArgs, Access::Mutates, "Remove all items from the list."},
};

const MethodDef kTupleMethods[] = {
    {"index", tuple_index, "value, start=0, stop=sys.maxsize, /", Style::Positional, Access::Reads,
     "Return the first index of value."},
    {"count", tuple_count, "value, /", Style::One, Access::Reads, "Return the number of occurrences of value."},
};

}  // namespace

void init_list_methods(Interpreter& interp) {
  interp.types.list->ctor = list_ctor;
  interp.types.tuple->ctor = tuple_ctor;
  add_methods(interp, interp.types.list, kListMethods);
  add_methods(interp, interp.types.tuple, kTupleMethods);
}

}  // namespace gilvm
