// runtime/set_methods.cpp — the set and frozenset constructors and methods.
//
// Thin wrappers: the table and the algebra live in runtime/set.cpp (see
// set_ops.h), and each method here builds its result the way CPython 3.11's
// Objects/setobject.c does (union copies self and updates it with each
// argument in turn; intersection chains pairwise intersections; difference
// takes the first difference and then deletes the rest), so the printed
// order of the result matches CPython.
//
// Each method is registered on set, frozenset or both, and checks that its
// receiver is of the type it was registered on: set.add(frozenset(), 1)
// is a TypeError, as in CPython. The template parameter says which type.
#include "runtime/init.h"
#include "runtime/set_ops.h"
#include "vm/api.h"

namespace gilvm {

namespace {

// The receiver of a set (Frozen=false) or frozenset (Frozen=true) method,
// or null with TypeError raised.
template <bool Frozen>
Set* self_set(ThreadState& ts, Value self, const char* method) {
  Set* s = as_set(self);
  if (s == nullptr || s->frozen != Frozen) {
    raise_fmt(ts, ts.interp.types.TypeError, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
              method, Frozen ? "frozenset" : "set", type_name(ts, self));
    return nullptr;
  }
  return s;
}

Value result(Set* s) { return s == nullptr ? Value::fail() : obj(s); }

// s.pop() resumes its scan where the previous pop stopped (CPython's
// `finger`). A mutable set never uses its hash cache, so the finger is kept
// there; -1 (the initial value) reads as 0.
std::size_t pop_finger(const Set* s) { return s->hash_ < 0 ? 0 : static_cast<std::size_t>(s->hash_); }

// ---------------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------------

Value set_ctor(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "set() takes no keyword arguments");
  if (a.size() > 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "set expected at most 1 argument, got {}", a.size());
  return result(set_from_iterable(ts, false, a.size() == 1 ? a[0] : Value::null()));
}

Value frozenset_ctor(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "frozenset() takes no keyword arguments");
  if (a.size() > 1)
    return raise_fmt(ts, ts.interp.types.TypeError, "frozenset expected at most 1 argument, got {}",
                     a.size());
  if (a.size() == 1) {
    Set* s = as_set(a[0]);
    if (s != nullptr && s->frozen) return a[0];  // immutable: frozenset(f) is f
  }
  return result(set_from_iterable(ts, true, a.size() == 1 ? a[0] : Value::null()));
}

// ---------------------------------------------------------------------------
// Methods of both set and frozenset
// ---------------------------------------------------------------------------

template <bool Frozen>
Value m_copy(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<Frozen>(ts, self, "copy");
  if (s == nullptr) return Value::fail();
  if (Frozen) return self;  // frozenset.copy() is the frozenset itself
  return result(set_copy(ts, s));
}

template <bool Frozen>
Value m_union(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<Frozen>(ts, self, "union");
  if (s == nullptr) return Value::fail();
  const std::vector<Value>& others = as_tuple(a[0])->items;  // *others
  Set* r = set_copy(ts, s);
  if (r == nullptr) return Value::fail();
  TempRoot root(ts, obj(r));
  for (std::size_t i = 0; i < others.size(); ++i) {
    if (as_set(others[i]) == s) continue;
    if (!set_update(ts, r, others[i])) return Value::fail();
  }
  return obj(r);
}

template <bool Frozen>
Value m_intersection(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<Frozen>(ts, self, "intersection");
  if (s == nullptr) return Value::fail();
  const std::vector<Value>& others = as_tuple(a[0])->items;  // *others
  if (others.size() == 0) return result(set_copy(ts, s));
  Set* r = s;
  TempRoot root(ts, obj(s));
  for (std::size_t i = 0; i < others.size(); ++i) {
    r = set_intersection(ts, r, others[i]);
    if (r == nullptr) return Value::fail();
    root.set(obj(r));
  }
  return obj(r);
}

template <bool Frozen>
Value m_difference(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<Frozen>(ts, self, "difference");
  if (s == nullptr) return Value::fail();
  const std::vector<Value>& others = as_tuple(a[0])->items;  // *others
  if (others.size() == 0) return result(set_copy(ts, s));
  Set* r = set_difference(ts, s, others[0]);
  if (r == nullptr) return Value::fail();
  TempRoot root(ts, obj(r));
  for (std::size_t i = 1; i < others.size(); ++i)
    if (!set_difference_update(ts, r, others[i])) return Value::fail();
  return obj(r);
}

template <bool Frozen>
Value m_symmetric_difference(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<Frozen>(ts, self, "symmetric_difference");
  if (s == nullptr) return Value::fail();
  return result(set_symmetric_difference(ts, s, a[0]));
}

Value bool_result(int r) { return r < 0 ? Value::fail() : Value::from_bool(r != 0); }

template <bool Frozen>
Value m_issubset(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<Frozen>(ts, self, "issubset");
  if (s == nullptr) return Value::fail();
  return bool_result(set_issubset(ts, s, a[0]));
}

template <bool Frozen>
Value m_issuperset(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<Frozen>(ts, self, "issuperset");
  if (s == nullptr) return Value::fail();
  return bool_result(set_issuperset(ts, s, a[0]));
}

template <bool Frozen>
Value m_isdisjoint(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<Frozen>(ts, self, "isdisjoint");
  if (s == nullptr) return Value::fail();
  return bool_result(set_isdisjoint(ts, s, a[0]));
}

// ---------------------------------------------------------------------------
// Methods of set only
// ---------------------------------------------------------------------------

Value m_add(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<false>(ts, self, "add");
  if (s == nullptr) return Value::fail();
  if (set_add(ts, s, a[0]) < 0) return Value::fail();
  return Value::none();
}

Value m_discard(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<false>(ts, self, "discard");
  if (s == nullptr) return Value::fail();
  if (set_discard_key(ts, s, a[0]) < 0) return Value::fail();
  return Value::none();
}

Value m_remove(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<false>(ts, self, "remove");
  if (s == nullptr) return Value::fail();
  int r = set_discard_key(ts, s, a[0]);
  if (r < 0) return Value::fail();
  if (r == 0) {
    Value key = a[0];
    Value exc = new_exception(ts, ts.interp.types.KeyError, std::span<const Value>(&key, 1));
    if (exc.is_fail()) return exc;
    return raise(ts, exc);
  }
  return Value::none();
}

Value m_pop(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<false>(ts, self, "pop");
  if (s == nullptr) return Value::fail();
  if (s->used == 0) return raise(ts, ts.interp.types.KeyError, "pop from an empty set");
  std::size_t mask = s->table.size() - 1;
  std::size_t i = pop_finger(s) & mask;
  while (s->table[i].key.is_null()) i = (i + 1) & mask;
  Value key = s->table[i].key;
  s->table[i] = SetEntry{-1, Value::null()};
  --s->used;
  s->hash_ = static_cast<std::int64_t>(i + 1);
  return key;
}

Value m_clear(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<false>(ts, self, "clear");
  if (s == nullptr) return Value::fail();
  set_clear(s);
  return Value::none();
}

Value m_update(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<false>(ts, self, "update");
  if (s == nullptr) return Value::fail();
  const std::vector<Value>& others = as_tuple(a[0])->items;  // *others
  for (std::size_t i = 0; i < others.size(); ++i)
    if (!set_update(ts, s, others[i])) return Value::fail();
  return Value::none();
}

Value m_intersection_update(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<false>(ts, self, "intersection_update");
  if (s == nullptr) return Value::fail();
  const std::vector<Value>& others = as_tuple(a[0])->items;  // *others
  for (std::size_t i = 0; i < others.size(); ++i)
    if (!set_intersection_update(ts, s, others[i])) return Value::fail();
  return Value::none();
}

Value m_difference_update(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<false>(ts, self, "difference_update");
  if (s == nullptr) return Value::fail();
  const std::vector<Value>& others = as_tuple(a[0])->items;  // *others
  for (std::size_t i = 0; i < others.size(); ++i)
    if (!set_difference_update(ts, s, others[i])) return Value::fail();
  return Value::none();
}

Value m_symmetric_difference_update(ThreadState& ts, Value self, const Args& a) {
  Set* s = self_set<false>(ts, self, "symmetric_difference_update");
  if (s == nullptr) return Value::fail();
  if (!set_symmetric_difference_update(ts, s, a[0])) return Value::fail();
  return Value::none();
}

static const MethodDef kSetMethods[] = {
    {"add", m_add, "x, /", Style::One, Access::Mutates},
    {"discard", m_discard, "x, /", Style::One, Access::Mutates},
    {"remove", m_remove, "x, /", Style::One, Access::Mutates},
    {"pop", m_pop, "", Style::NoArgs, Access::Mutates},
    {"clear", m_clear, "", Style::NoArgs, Access::Mutates},
    {"copy", m_copy<false>, "", Style::NoArgs},
    {"update", m_update, "*others", Style::Positional, Access::Mutates},
    {"union", m_union<false>, "*others", Style::Positional},
    {"intersection", m_intersection<false>, "*others", Style::Positional},
    {"intersection_update", m_intersection_update, "*others", Style::Positional, Access::Mutates},
    {"difference", m_difference<false>, "*others", Style::Positional},
    {"difference_update", m_difference_update, "*others", Style::Positional, Access::Mutates},
    {"symmetric_difference", m_symmetric_difference<false>, "x, /", Style::One},
    {"symmetric_difference_update", m_symmetric_difference_update, "x, /", Style::One, Access::Mutates},
    {"issubset", m_issubset<false>, "x, /", Style::One},
    {"issuperset", m_issuperset<false>, "x, /", Style::One},
    {"isdisjoint", m_isdisjoint<false>, "x, /", Style::One},
};

static const MethodDef kFrozensetMethods[] = {
    {"copy", m_copy<true>, "", Style::NoArgs},
    {"union", m_union<true>, "*others", Style::Positional},
    {"intersection", m_intersection<true>, "*others", Style::Positional},
    {"difference", m_difference<true>, "*others", Style::Positional},
    {"symmetric_difference", m_symmetric_difference<true>, "x, /", Style::One},
    {"issubset", m_issubset<true>, "x, /", Style::One},
    {"issuperset", m_issuperset<true>, "x, /", Style::One},
    {"isdisjoint", m_isdisjoint<true>, "x, /", Style::One},
};

}  // namespace

void init_set_methods(Interpreter& interp) {
  interp.types.set->ctor = set_ctor;
  interp.types.frozenset->ctor = frozenset_ctor;
  add_methods(interp, interp.types.set, kSetMethods);
  add_methods(interp, interp.types.frozenset, kFrozensetMethods);
}

}  // namespace gilvm
