// The runtime side of the match statement (Python Language Reference §8.6,
// PEP 634): the checks behind MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS,
// MATCH_CLASS and COPY_DICT_WITHOUT_KEYS (compiler/opcodes.h). The compiler
// (compiler/compiler.cpp, match_stmt) does the rest with ordinary opcodes,
// as CPython's compiler does; the semantics and messages follow CPython
// 3.11's Python/ceval.c (match_keys, match_class).
#include <string_view>

#include "vm/api.h"
#include "vm/ops.h"

namespace gilvm::ops {

// Sequence patterns match list, tuple and range (the builtin types with
// CPython's Py_TPFLAGS_SEQUENCE that gilvm has; str, bytes and bytearray
// are deliberately not sequences here).
bool match_sequence(ThreadState& ts, Value subject) {
  if (!subject.is_obj()) return false;
  Kind k = subject.as_obj()->kind;
  return k == Kind::List || k == Kind::Tuple || k == Kind::Range;
}

bool match_mapping(ThreadState& ts, Value subject) { return as_dict(subject) != nullptr; }

Value match_keys(ThreadState& ts, Value subject, Value keys) {
  Interpreter& in = ts.interp;
  Tuple* kt = as_tuple(keys);
  List* values = new_list(ts, kt->items.size());
  TempRoot values_root(ts, obj(values));
  Set* seen = new_set(ts);
  TempRoot seen_root(ts, obj(seen));
  Dict* d = as_dict(subject);
  for (Value key : kt->items) {
    int dup = set_contains(ts, seen, key);
    if (dup < 0) return Value::fail();
    if (dup) {
      auto r = repr_string(ts, key);
      if (!r) return Value::fail();
      return raise_fmt(ts, in.types.ValueError, "mapping pattern checks duplicate key ({})", *r);
    }
    if (set_add(ts, seen, key) < 0) return Value::fail();
    // dict lookup directly, other mappings through get(): neither makes a
    // missing key (no __missing__), as CPython's map.get(key, dummy).
    Value v = d != nullptr ? dict_get(ts, d, key) : Value::null();
    if (v.is_fail()) return v;
    if (v.is_null()) return Value::none();
    values->items.push_back(v);
  }
  return obj(new_tuple(ts, values->items));
}

namespace {

// The builtin types whose class pattern C(x) matches the subject itself
// (CPython's _Py_TPFLAGS_MATCH_SELF).
bool matches_self(Type* t) {
  if (!t->builtin) return false;
  static constexpr std::string_view kSelf[] = {"bool",  "bytearray", "bytes", "dict", "float", "frozenset",
                                               "int",   "list",      "set",   "str",  "tuple"};
  for (std::string_view n : kSelf)
    if (t->name->s == n) return true;
  return false;
}

// subject.name for a class pattern; Null when missing (no match), Fail on
// another error or a repeated attribute.
Value class_attr(ThreadState& ts, Value subject, Type* type, Value name, Set* seen) {
  int dup = set_contains(ts, seen, name);
  if (dup < 0) return Value::fail();
  if (dup) {
    auto r = repr_string(ts, name);
    if (!r) return Value::fail();
    return raise_fmt(ts, ts.interp.types.TypeError, "{}() got multiple sub-patterns for attribute {}", type->name->s,
                     *r);
  }
  if (set_add(ts, seen, name) < 0) return Value::fail();
  Value v = get_attr(ts, subject, as_str(name));
  if (v.is_fail() && exception_matches(ts, ts.interp.types.AttributeError)) {
    take_exception(ts);
    return Value::null();
  }
  return v;
}

}  // namespace

Value match_class(ThreadState& ts, Value subject, Value type, std::uint32_t npos, Value names) {
  Interpreter& in = ts.interp;
  Type* t = as_type(type);
  if (t == nullptr) return raise(ts, in.types.TypeError, "called match pattern must be a type");
  if (!isinstance(ts, subject, t)) return Value::none();
  List* attrs = new_list(ts);
  TempRoot attrs_root(ts, obj(attrs));
  Set* seen = new_set(ts);
  TempRoot seen_root(ts, obj(seen));
  if (npos > 0) {
    Value match_args = lookup_attr(ts, type, in.intern("__match_args__"));
    if (match_args.is_fail()) return match_args;
    TempRoot args_root(ts, match_args.is_null() ? Value::none() : match_args);
    bool self = false;
    std::size_t allowed;
    if (match_args.is_null()) {
      self = matches_self(t);
      allowed = self ? 1 : 0;
    } else {
      Tuple* ma = as_tuple(match_args);
      if (ma == nullptr)
        return raise_fmt(ts, in.types.TypeError, "{}.__match_args__ must be a tuple (got {})", t->name->s,
                         type_name(ts, match_args));
      allowed = ma->items.size();
    }
    if (allowed < npos)
      return raise_fmt(ts, in.types.TypeError, "{}() accepts {} positional sub-pattern{} ({} given)", t->name->s,
                       allowed, allowed == 1 ? "" : "s", npos);
    if (self) {
      attrs->items.push_back(subject);
    } else {
      Tuple* ma = as_tuple(match_args);
      for (std::uint32_t i = 0; i < npos; ++i) {
        Value name = ma->items[i];
        if (as_str(name) == nullptr)
          return raise_fmt(ts, in.types.TypeError, "__match_args__ elements must be strings (got {})",
                           type_name(ts, name));
        Value v = class_attr(ts, subject, t, name, seen);
        if (v.is_fail()) return v;
        if (v.is_null()) return Value::none();
        attrs->items.push_back(v);
      }
    }
  }
  for (Value name : as_tuple(names)->items) {
    Value v = class_attr(ts, subject, t, name, seen);
    if (v.is_fail()) return v;
    if (v.is_null()) return Value::none();
    attrs->items.push_back(v);
  }
  return obj(new_tuple(ts, attrs->items));
}

Value copy_dict_without_keys(ThreadState& ts, Value subject, Value keys) {
  Dict* rest = new_dict(ts);
  TempRoot rest_root(ts, obj(rest));
  if (!dict_merge(ts, rest, subject, false)) return Value::fail();
  for (Value key : as_tuple(keys)->items)
    if (dict_del(ts, rest, key) < 0) return Value::fail();
  return obj(rest);
}

}  // namespace gilvm::ops
