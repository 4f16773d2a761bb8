// runtime/dict_methods.cpp — the dict constructor and methods, dict
// iterators and the keys() / values() / items() views (dict_ops.h).
//
// The hash table (dict_get / dict_set / dict_del) is runtime/dict.cpp; this
// file only uses it. Two places look at the table's fields directly:
// walking `entries` in insertion order (deleted entries have a Null key),
// and copy(), which clones entries, index and used as they are — a valid
// table, and exactly the same order.
//
// Any lookup may run __eq__ / __hash__, which may change a dict being
// walked: loops go by index, re-read the size at every step, copy each
// entry out before a call, and root what they hold (TempRoot).
//
// Semantics and messages follow CPython 3.11's Objects/dictobject.c:
// dict(mapping_or_pairs, **kw) and update() take a dict, anything with a
// keys() method, or an iterable of pairs ("dictionary update sequence
// element #0 has length 3; 2 is required"); popitem() is LIFO; a missing
// key raises KeyError whose argument is the key itself.
#include <algorithm>

#include "runtime/dict_ops.h"
#include "runtime/init.h"
#include "runtime/set_ops.h"
#include "vm/api.h"
#include "vm/iterate.h"
#include "vm/repr_guard.h"

namespace gilvm {

namespace {

Dict* self_dict(ThreadState& ts, Value self, const char* method) {
  Dict* d = as_dict(self);
  if (d == nullptr)
    raise_fmt(ts, ts.interp.types.TypeError, "descriptor '{}' for 'dict' objects doesn't apply to a '{}' object",
              method, type_name(ts, self));
  return d;
}

Value raise_key_error(ThreadState& ts, Value key) {
  Value exc = new_exception(ts, ts.interp.types.KeyError, std::span<const Value>(&key, 1));
  if (exc.is_fail()) return exc;
  return raise(ts, exc);
}

// Clones `src` into the empty dict `dst`: same entries (deleted ones too),
// same index, so the same order and no rehashing.
void clone_into(Dict* dst, const Dict* src) {
  dst->entries = src->entries;
  dst->index = src->index;
  dst->used = src->used;
  ++dst->version;
}

// d.update(other) for a mapping: a dict, or anything with keys() and [].
bool merge_mapping(ThreadState& ts, Dict* d, Value other) {
  if (Dict* o = as_dict(other)) {
    if (o == d) return true;
    if (d->used == 0 && d->entries.empty()) {
      clone_into(d, o);
      return true;
    }
    for (std::size_t i = 0; i < o->entries.size(); ++i) {
      DictEntry e = o->entries[i];
      if (e.key.is_null()) continue;
      TempRoot rk(ts, e.key), rv(ts, e.value);
      if (!dict_set(ts, d, e.key, e.value)) return false;
    }
    return true;
  }
  Value keys = call_method(ts, other, ts.interp.names.keys, {});
  if (keys.is_fail()) return false;
  TempRoot keys_root(ts, keys);
  return for_each_item(ts, keys, [&](Value key) {
    Value value = get_item(ts, other, key);
    if (value.is_fail()) return false;
    TempRoot value_root(ts, value);
    return dict_set(ts, d, key, value);
  });
}

// d.update(pairs): each element an iterable of exactly two items.
bool merge_pairs(ThreadState& ts, Dict* d, Value seq) {
  List* parts = new_list(ts);
  TempRoot parts_root(ts, obj(parts));
  std::size_t n = 0;
  return for_each_item(ts, seq, [&](Value item) {
    parts->items.clear();
    if (Tuple* t = as_tuple(item)) {
      parts->items = t->items;
    } else if (List* l = as_list(item)) {
      parts->items = l->items;
    } else {
      Value sub = get_iter(ts, item);
      if (sub.is_fail()) {
        if (exception_matches(ts, ts.interp.types.TypeError)) {
          take_exception(ts);
          raise_fmt(ts, ts.interp.types.TypeError,
                    "cannot convert dictionary update sequence element #{} to a sequence", n);
        }
        return false;
      }
      bool ok = for_each_next(ts, sub, [&](Value x) {
        parts->items.push_back(x);
        return true;
      });
      if (!ok) return false;
    }
    if (parts->items.size() != 2) {
      raise_fmt(ts, ts.interp.types.ValueError,
                "dictionary update sequence element #{} has length {}; 2 is required", n,
                parts->items.size());
      return false;
    }
    ++n;
    return dict_set(ts, d, parts->items[0], parts->items[1]);
  });
}

// dict_update_arg: a dict or an object with keys() is a mapping, anything
// else a sequence of pairs.
bool update_from(ThreadState& ts, Dict* d, Value arg) {
  if (as_dict(arg) != nullptr) return merge_mapping(ts, d, arg);
  Value keys = lookup_attr(ts, arg, ts.interp.names.keys);
  if (keys.is_fail()) return false;
  if (!keys.is_null()) return merge_mapping(ts, d, arg);
  return merge_pairs(ts, d, arg);
}

void update_from_kwargs(ThreadState& ts, Dict* d, const Args& a) {
  for (std::size_t k = 0; k < a.nkw; ++k) dict_set_str(ts.interp, d, a.kwnames[k], a.kwvalues[k]);
}

// ---------------------------------------------------------------------------
// Constructor and methods
// ---------------------------------------------------------------------------

// dict(), dict(mapping), dict(iterable of pairs), each with **kwargs.
Value dict_ctor(ThreadState& ts, Value self, const Args& a) {
  if (a.size() > 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "dict expected at most 1 argument, got {}", a.size());
  Dict* d = new_dict(ts);
  TempRoot root(ts, obj(d));
  if (a.size() == 1 && !update_from(ts, d, a[0])) return Value::fail();
  update_from_kwargs(ts, d, a);
  return obj(d);
}

Value dict_get_m(ThreadState& ts, Value self, const Args& a) {
  Dict* d = self_dict(ts, self, "get");
  if (d == nullptr) return Value::fail();
  Value v = dict_get(ts, d, a[0]);
  if (v.is_fail()) return v;
  if (v.is_null()) return a[1].is_null() ? Value::none() : a[1];
  return v;
}

Value dict_getitem_m(ThreadState& ts, Value self, const Args& a) {
  Dict* d = self_dict(ts, self, "__getitem__");
  if (d == nullptr) return Value::fail();
  Value v = dict_get(ts, d, a[0]);
  if (v.is_fail()) return v;
  if (v.is_null()) return raise_key_error(ts, a[0]);
  return v;
}

Value dict_contains_m(ThreadState& ts, Value self, const Args& a) {
  Dict* d = self_dict(ts, self, "__contains__");
  if (d == nullptr) return Value::fail();
  Value v = dict_get(ts, d, a[0]);
  if (v.is_fail()) return v;
  return Value::from_bool(!v.is_null());
}

Value dict_setdefault(ThreadState& ts, Value self, const Args& a) {
  Dict* d = self_dict(ts, self, "setdefault");
  if (d == nullptr) return Value::fail();
  Value v = dict_get(ts, d, a[0]);
  if (v.is_fail()) return v;
  if (!v.is_null()) return v;
  Value dflt = a[1].is_null() ? Value::none() : a[1];
  if (!dict_set(ts, d, a[0], dflt)) return Value::fail();
  return dflt;
}

Value dict_pop(ThreadState& ts, Value self, const Args& a) {
  Dict* d = self_dict(ts, self, "pop");
  if (d == nullptr) return Value::fail();
  Value v = dict_get(ts, d, a[0]);
  if (v.is_fail()) return v;
  if (v.is_null()) {
    if (!a[1].is_null()) return a[1];
    return raise_key_error(ts, a[0]);
  }
  TempRoot root(ts, v);
  if (dict_del(ts, d, a[0]) < 0) return Value::fail();
  return v;
}

Value dict_popitem(ThreadState& ts, Value self, const Args& a) {
  Dict* d = self_dict(ts, self, "popitem");
  if (d == nullptr) return Value::fail();
  if (d->used == 0) return raise(ts, ts.interp.types.KeyError, "popitem(): dictionary is empty");
  std::size_t i = d->entries.size();
  while (i > 0 && d->entries[i - 1].key.is_null()) --i;
  if (i == 0) return raise(ts, ts.interp.types.KeyError, "popitem(): dictionary is empty");
  DictEntry e = d->entries[i - 1];
  Tuple* pair = new_tuple(ts, {e.key, e.value});
  TempRoot root(ts, obj(pair));
  if (dict_del(ts, d, e.key) < 0) return Value::fail();
  return obj(pair);
}

Value dict_update(ThreadState& ts, Value self, const Args& a) {
  Dict* d = self_dict(ts, self, "update");
  if (d == nullptr) return Value::fail();
  if (a.size() > 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "update expected at most 1 argument, got {}", a.size());
  if (a.size() == 1 && !update_from(ts, d, a[0])) return Value::fail();
  update_from_kwargs(ts, d, a);
  return Value::none();
}

template <int Which>
Value dict_view_m(ThreadState& ts, Value self, const Args& a) {
  static constexpr const char* kNames[] = {"keys", "values", "items"};
  Dict* d = self_dict(ts, self, kNames[Which]);
  if (d == nullptr) return Value::fail();
  return dict_view_new(ts, d, Which);
}

Value dict_copy(ThreadState& ts, Value self, const Args& a) {
  Dict* d = self_dict(ts, self, "copy");
  if (d == nullptr) return Value::fail();
  Dict* out = new_dict(ts);
  clone_into(out, d);
  return obj(out);
}

Value dict_clear(ThreadState& ts, Value self, const Args& a) {
  Dict* d = self_dict(ts, self, "clear");
  if (d == nullptr) return Value::fail();
  d->entries.clear();
  d->index.clear();
  d->used = 0;
  ++d->version;
  return Value::none();
}

// dict.fromkeys(iterable, value=None): a class-level function (registered
// without method binding), so d.fromkeys(...) and dict.fromkeys(...) agree.
Value dict_fromkeys(ThreadState& ts, Value self, const Args& a) {
  Value value = a[1].is_null() ? Value::none() : a[1];
  Dict* d = new_dict(ts);
  TempRoot root(ts, obj(d));
  if (!for_each_item(ts, a[0], [&](Value key) { return dict_set(ts, d, key, value); })) return Value::fail();
  return obj(d);
}

// ---------------------------------------------------------------------------
// Iterators and views
// ---------------------------------------------------------------------------

// An iterator: source = the dict (None once exhausted), pos = next entry,
// end = the dict's `used` when the iterator was made (-1 once the size
// changed, so the error repeats), extra = which (keys, values, items).
Value dict_iter_next(ThreadState& ts, Iterator* it) {
  Dict* d = as_dict(it->source);
  if (d == nullptr) return Value::null();
  if (static_cast<std::int64_t>(d->used) != it->end) {
    it->end = -1;
    return raise(ts, ts.interp.types.RuntimeError, "dictionary changed size during iteration");
  }
  auto n = static_cast<std::int64_t>(d->entries.size());
  while (it->pos < n && d->entries[static_cast<std::size_t>(it->pos)].key.is_null()) ++it->pos;
  if (it->pos >= n) {
    it->source = Value::none();
    return Value::null();
  }
  const DictEntry& e = d->entries[static_cast<std::size_t>(it->pos++)];
  switch (it->extra.as_int()) {
    case kDictKeys: return e.key;
    case kDictValues: return e.value;
    default: {
      Value k = e.key, v = e.value;
      return obj(new_tuple(ts, {k, v}));
    }
  }
}

// A view is not an iterator: next(d.keys()) is a TypeError.
Value view_next(ThreadState& ts, Iterator* it) {
  return raise_fmt(ts, ts.interp.types.TypeError, "'{}' object is not an iterator", type_name(ts, obj(it)));
}

Iterator* as_view(Interpreter& interp, Value v) {
  if (!v.is_obj() || v.as_obj()->kind != Kind::Iterator) return nullptr;
  Type* t = v.as_obj()->type;
  if (t != interp.types.dict_keys && t != interp.types.dict_values && t != interp.types.dict_items)
    return nullptr;
  return static_cast<Iterator*>(v.as_obj());
}

Value view_dunder_repr(ThreadState& ts, Value self, const Args& a) {
  if (!is_dict_view(ts.interp, self)) return raise(ts, ts.interp.types.TypeError, "expected a dict view");
  return dict_view_repr(ts, self);
}

Value view_dunder_len(ThreadState& ts, Value self, const Args& a) {
  if (!is_dict_view(ts.interp, self)) return raise(ts, ts.interp.types.TypeError, "expected a dict view");
  return Value::from_int(dict_view_len(ts, self));
}

Value view_dunder_iter(ThreadState& ts, Value self, const Args& a) {
  if (!is_dict_view(ts.interp, self)) return raise(ts, ts.interp.types.TypeError, "expected a dict view");
  return dict_view_iter(ts, self);
}

Value view_dunder_contains(ThreadState& ts, Value self, const Args& a) {
  if (!is_dict_view(ts.interp, self)) return raise(ts, ts.interp.types.TypeError, "expected a dict view");
  int r = dict_view_contains(ts, self, a[0]);
  return r < 0 ? Value::fail() : Value::from_bool(r != 0);
}

static const MethodDef kDictMethods[] = {
    {"get", dict_get_m, "key, default=None, /", Style::Positional},
    {"setdefault", dict_setdefault, "key, default=None, /", Style::Positional, Access::Mutates},
    {"pop", dict_pop, "key, default=<unrepresentable>, /", Style::Positional, Access::Mutates},
    {"popitem", dict_popitem, "", Style::NoArgs, Access::Mutates},
    {"update", dict_update, nullptr, Style::Keywords, Access::Mutates},
    {"keys", dict_view_m<kDictKeys>, "", Style::NoArgs},
    {"values", dict_view_m<kDictValues>, "", Style::NoArgs},
    {"items", dict_view_m<kDictItems>, "", Style::NoArgs},
    {"copy", dict_copy, "", Style::NoArgs},
    {"clear", dict_clear, "", Style::NoArgs, Access::Mutates},
    {"__getitem__", dict_getitem_m, "x, /", Style::One},
    {"__contains__", dict_contains_m, "x, /", Style::One},
};

static const MethodDef kViewMethods[] = {
    {"__repr__", view_dunder_repr},
    {"__len__", view_dunder_len},
    {"__iter__", view_dunder_iter},
    {"__contains__", view_dunder_contains, "x, /", Style::One},
};

}  // namespace

Value dict_iter(ThreadState& ts, Dict* d, int which) {
  Iterator* it = ts.interp.heap.make<Iterator>(ts.interp.types.iterator, dict_iter_next, obj(d));
  it->extra = Value::from_int(which);
  it->pos = 0;
  it->end = static_cast<std::int64_t>(d->used);
  return obj(it);
}

Value dict_view_new(ThreadState& ts, Dict* d, int which) {
  Type* t = which == kDictKeys     ? ts.interp.types.dict_keys
            : which == kDictValues ? ts.interp.types.dict_values
                                   : ts.interp.types.dict_items;
  Iterator* v = ts.interp.heap.make<Iterator>(t, view_next, obj(d));
  v->pos = which;
  return obj(v);
}

bool is_dict_view(Interpreter& interp, Value v) { return as_view(interp, v) != nullptr; }

std::int64_t dict_view_len(ThreadState& ts, Value view) {
  Iterator* v = as_view(ts.interp, view);
  Dict* d = v != nullptr ? as_dict(v->source) : nullptr;
  if (d == nullptr) {
    raise(ts, ts.interp.types.TypeError, "expected a dict view");
    return -1;
  }
  return static_cast<std::int64_t>(d->used);
}

Value dict_view_iter(ThreadState& ts, Value view) {
  Iterator* v = as_view(ts.interp, view);
  Dict* d = v != nullptr ? as_dict(v->source) : nullptr;
  if (d == nullptr) return raise(ts, ts.interp.types.TypeError, "expected a dict view");
  return dict_iter(ts, d, static_cast<int>(v->pos));
}

int dict_view_contains(ThreadState& ts, Value view, Value needle) {
  Iterator* v = as_view(ts.interp, view);
  Dict* d = v != nullptr ? as_dict(v->source) : nullptr;
  if (d == nullptr) {
    raise(ts, ts.interp.types.TypeError, "expected a dict view");
    return -1;
  }
  switch (v->pos) {
    case kDictKeys: {
      Value r = dict_get(ts, d, needle);
      if (r.is_fail()) return -1;
      return r.is_null() ? 0 : 1;
    }
    case kDictItems: {
      Tuple* t = as_tuple(needle);
      if (t == nullptr || t->items.size() != 2) return 0;
      Value found = dict_get(ts, d, t->items[0]);
      if (found.is_fail()) return -1;
      if (found.is_null()) return 0;
      TempRoot root(ts, found);
      return equals(ts, found, t->items[1]);
    }
    default: {
      // values() has no lookup: `in` iterates, so a change of size while
      // __eq__ runs is the iterator's RuntimeError.
      std::size_t used = d->used;
      for (std::size_t i = 0; i < d->entries.size(); ++i) {
        Value x = d->entries[i].value;
        if (d->entries[i].key.is_null()) continue;
        if (x.identical(needle)) return 1;
        TempRoot root(ts, x);
        int eq = equals(ts, x, needle);
        if (eq != 0) return eq;
        if (d->used != used) {
          raise(ts, ts.interp.types.RuntimeError, "dictionary changed size during iteration");
          return -1;
        }
      }
      return 0;
    }
  }
}

Value dict_view_repr(ThreadState& ts, Value view) {
  Iterator* v = as_view(ts.interp, view);
  Dict* d = v != nullptr ? as_dict(v->source) : nullptr;
  if (d == nullptr) return raise(ts, ts.interp.types.TypeError, "expected a dict view");
  // A view reachable from its own dict's values prints as ... .
  ReprGuard guard(ts, v);
  if (!guard.entered()) return new_str(ts, "...");
  static constexpr const char* kNames[] = {"dict_keys", "dict_values", "dict_items"};
  std::string out = kNames[v->pos];
  out += "([";
  bool first = true;
  for (std::size_t i = 0; i < d->entries.size(); ++i) {
    DictEntry e = d->entries[i];
    if (e.key.is_null()) continue;
    if (!first) out += ", ";
    first = false;
    TempRoot rk(ts, e.key), rv(ts, e.value);
    if (v->pos == kDictItems) {
      std::optional<std::string> k = repr_string(ts, e.key);
      if (!k) return Value::fail();
      std::optional<std::string> val = repr_string(ts, e.value);
      if (!val) return Value::fail();
      out += "(" + *k + ", " + *val + ")";
    } else {
      std::optional<std::string> s = repr_string(ts, v->pos == kDictKeys ? e.key : e.value);
      if (!s) return Value::fail();
      out += *s;
    }
  }
  out += "])";
  return new_str(ts, std::move(out));
}

namespace {

// A keys or items view (the set-like ones), or null.
Iterator* as_setlike_view(Interpreter& interp, Value v) {
  Iterator* it = as_view(interp, v);
  return it != nullptr && it->pos != kDictValues ? it : nullptr;
}

// dictviews_to_set: a new set of the view's elements (a keys view reads
// its dict directly, with the stored hashes).
Set* view_to_set(ThreadState& ts, Value v) {
  Iterator* view = as_setlike_view(ts.interp, v);
  if (view != nullptr && view->pos == kDictKeys) return set_from_iterable(ts, false, view->source);
  return set_from_iterable(ts, false, v);
}

// Every element of a is in b (`in`, so views and sets both work).
int all_contained_in(ThreadState& ts, Value a, Value b) {
  int result = 1;
  bool ok = for_each_item(ts, a, [&](Value x) {
    result = contains(ts, b, x);
    return result < 0 ? IterStep::Fail : result == 0 ? IterStep::Break : IterStep::Continue;
  });
  return ok ? result : -1;
}

}  // namespace

Value dict_view_binary(ThreadState& ts, front::BinOp op, Value a, Value b) {
  Interpreter& in = ts.interp;
  if (as_setlike_view(in, a) == nullptr && as_setlike_view(in, b) == nullptr) return Value::null();
  if (op == front::BinOp::BitAnd) {
    // _PyDictView_Intersect: self is the view (either side of &).
    Value self = a, other = b;
    if (as_setlike_view(in, self) == nullptr) std::swap(self, other);
    std::int64_t len_self = dict_view_len(ts, self);
    if (Set* os = as_set(other); os != nullptr && !os->frozen &&
                                 len_self <= static_cast<std::int64_t>(os->used)) {
      Set* r = set_intersection(ts, os, self);
      return r == nullptr ? Value::fail() : obj(r);
    }
    if (as_setlike_view(in, other) != nullptr && dict_view_len(ts, other) > len_self) std::swap(self, other);
    Set* result = new_set(ts);
    TempRoot result_root(ts, obj(result));
    bool ok = for_each_item(ts, other, [&](Value key) {
      int rv = dict_view_contains(ts, self, key);
      return rv == 0 || (rv > 0 && set_add(ts, result, key) >= 0);
    });
    return ok ? obj(result) : Value::fail();
  }
  Set* result = view_to_set(ts, a);
  if (result == nullptr) return Value::fail();
  TempRoot result_root(ts, obj(result));
  bool ok;
  switch (op) {
    case front::BinOp::BitOr: ok = set_update(ts, result, b); break;
    case front::BinOp::Sub: ok = set_difference_update(ts, result, b); break;
    case front::BinOp::BitXor: ok = set_symmetric_difference_update(ts, result, b); break;
    default: return Value::null();
  }
  return ok ? obj(result) : Value::fail();
}

int dict_view_compare(ThreadState& ts, front::CmpOp op, Value a, Value b, Value& result) {
  using front::CmpOp;
  Interpreter& in = ts.interp;
  auto setlike = [&](Value v) { return as_set(v) != nullptr || as_setlike_view(in, v) != nullptr; };
  if (as_setlike_view(in, a) == nullptr) {
    // The reflected case: set OP view is view OP' set.
    if (as_setlike_view(in, b) == nullptr || !setlike(a)) return 0;
    CmpOp swapped = op == CmpOp::Lt    ? CmpOp::Gt
                    : op == CmpOp::LtE ? CmpOp::GtE
                    : op == CmpOp::Gt  ? CmpOp::Lt
                    : op == CmpOp::GtE ? CmpOp::LtE
                                       : op;
    return dict_view_compare(ts, swapped, b, a, result);
  }
  if (!setlike(b)) return 0;
  std::int64_t la = length(ts, a), lb = length(ts, b);
  if (la < 0 || lb < 0) return -1;
  int ok = 0;
  switch (op) {
    case CmpOp::Eq:
    case CmpOp::NotEq:
      if (la == lb) ok = all_contained_in(ts, a, b);
      if (ok >= 0 && op == CmpOp::NotEq) ok = !ok;
      break;
    case CmpOp::Lt: if (la < lb) ok = all_contained_in(ts, a, b); break;
    case CmpOp::LtE: if (la <= lb) ok = all_contained_in(ts, a, b); break;
    case CmpOp::Gt: if (la > lb) ok = all_contained_in(ts, b, a); break;
    case CmpOp::GtE: if (la >= lb) ok = all_contained_in(ts, b, a); break;
    default: return 0;
  }
  if (ok < 0) return -1;
  result = Value::from_bool(ok != 0);
  return 1;
}

namespace {

// The operator dunders of views, for explicit calls (d.keys().__and__(s));
// the core's operators call dict_view_binary / dict_view_compare directly.
template <front::BinOp Op, bool Reflected>
Value view_binary_dunder(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "operator", 1, 1)) return Value::fail();
  Value r = Reflected ? dict_view_binary(ts, Op, a[0], self) : dict_view_binary(ts, Op, self, a[0]);
  return r.is_null() ? ts.interp.not_implemented : r;
}

template <front::CmpOp Op>
Value view_compare_dunder(ThreadState& ts, Value self, const Args& a) {
  Value out;
  int r = dict_view_compare(ts, Op, self, a[0], out);
  if (r < 0) return Value::fail();
  return r == 0 ? ts.interp.not_implemented : out;
}

Value view_isdisjoint(ThreadState& ts, Value self, const Args& a) {
  if (!is_dict_view(ts.interp, self)) return raise(ts, ts.interp.types.TypeError, "expected a dict view");
  bool disjoint = true;
  bool ok = for_each_item(ts, a[0], [&](Value x) {
    int r = dict_view_contains(ts, self, x);
    if (r < 0) return IterStep::Fail;
    disjoint = r == 0;
    return disjoint ? IterStep::Continue : IterStep::Break;
  });
  if (!ok) return Value::fail();
  return Value::from_bool(disjoint);
}

using front::BinOp;
using front::CmpOp;
static const MethodDef kSetlikeViewMethods[] = {
    {"__and__", view_binary_dunder<BinOp::BitAnd, false>},
    {"__rand__", view_binary_dunder<BinOp::BitAnd, true>},
    {"__or__", view_binary_dunder<BinOp::BitOr, false>},
    {"__ror__", view_binary_dunder<BinOp::BitOr, true>},
    {"__sub__", view_binary_dunder<BinOp::Sub, false>},
    {"__rsub__", view_binary_dunder<BinOp::Sub, true>},
    {"__xor__", view_binary_dunder<BinOp::BitXor, false>},
    {"__rxor__", view_binary_dunder<BinOp::BitXor, true>},
    {"__eq__", view_compare_dunder<CmpOp::Eq>, "x, /", Style::One},
    {"__ne__", view_compare_dunder<CmpOp::NotEq>, "x, /", Style::One},
    {"__lt__", view_compare_dunder<CmpOp::Lt>, "x, /", Style::One},
    {"__le__", view_compare_dunder<CmpOp::LtE>, "x, /", Style::One},
    {"__gt__", view_compare_dunder<CmpOp::Gt>, "x, /", Style::One},
    {"__ge__", view_compare_dunder<CmpOp::GtE>, "x, /", Style::One},
    {"isdisjoint", view_isdisjoint, "x, /", Style::One},
};

}  // namespace

void init_dict_methods(Interpreter& interp) {
  interp.types.dict->ctor = dict_ctor;
  add_methods(interp, interp.types.dict, kDictMethods);
  // fromkeys is called on the class (dict.fromkeys): a plain function in
  // the class dict, not bound to an instance.
  static const MethodDef kFromkeys[] = {{"fromkeys", dict_fromkeys, "iterable, value=None, /", Style::Positional}};
  add_functions(interp, interp.types.dict->dict, kFromkeys);
  for (Type* t : {interp.types.dict_keys, interp.types.dict_values, interp.types.dict_items})
    add_methods(interp, t, kViewMethods);
  for (Type* t : {interp.types.dict_keys, interp.types.dict_items}) add_methods(interp, t, kSetlikeViewMethods);
}

}  // namespace gilvm
