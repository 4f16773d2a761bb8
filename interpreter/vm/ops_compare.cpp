// Truth, comparison, hashing and membership (Python Language Reference
// §6.10 "Comparisons", §3.3.1 __hash__/__eq__/__bool__, §6.10.2
// "Membership test operations").
#include <cmath>

#include "runtime/dict_ops.h"
#include "runtime/numfmt.h"
#include "runtime/seq_ops.h"
#include "runtime/set_ops.h"
#include "runtime/str_ops.h"
#include "vm/api.h"
#include "vm/iterate.h"
#include "vm/ops.h"

namespace gilvm {

using front::CmpOp;

namespace {

bool cmp_result(CmpOp op, int c) {  // c: -1, 0, 1
  switch (op) {
    case CmpOp::Eq: return c == 0;
    case CmpOp::NotEq: return c != 0;
    case CmpOp::Lt: return c < 0;
    case CmpOp::LtE: return c <= 0;
    case CmpOp::Gt: return c > 0;
    case CmpOp::GtE: return c >= 0;
    default: return false;
  }
}

const char* cmp_symbol(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: return "==";
    case CmpOp::NotEq: return "!=";
    case CmpOp::Lt: return "<";
    case CmpOp::LtE: return "<=";
    case CmpOp::Gt: return ">";
    case CmpOp::GtE: return ">=";
    default: return "?";
  }
}

CmpOp reflected(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return CmpOp::Gt;
    case CmpOp::LtE: return CmpOp::GtE;
    case CmpOp::Gt: return CmpOp::Lt;
    case CmpOp::GtE: return CmpOp::LtE;
    default: return op;
  }
}

const char* cmp_dunder(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: return "__eq__";
    case CmpOp::NotEq: return "__ne__";
    case CmpOp::Lt: return "__lt__";
    case CmpOp::LtE: return "__le__";
    case CmpOp::Gt: return "__gt__";
    case CmpOp::GtE: return "__ge__";
    default: return "?";
  }
}

// Compares an int-like with a double exactly. NaN handled by the caller.
int compare_int_double(Value i, double d) {
  if (i.is_int() || i.is_bool()) {
    std::int64_t x = i.as_int();
    constexpr std::int64_t k = std::int64_t{1} << 53;
    if (x > -k && x < k) {
      double xd = static_cast<double>(x);
      return xd < d ? -1 : xd > d ? 1 : 0;
    }
  }
  return to_bigint(i).compare_double(d);
}

bool is_number(Value v) { return v.is_float() || is_int_like(v); }

// Builtin comparison: sets `out` and returns 1; 0 when the types have no
// builtin comparison; -1 on error.
int builtin_compare(ThreadState& ts, CmpOp op, Value a, Value b, Value& out) {
  if (is_number(a) && is_number(b)) {
    int c;
    if (a.is_float() || b.is_float()) {
      if (a.is_float() && b.is_float()) {
        double x = a.as_float(), y = b.as_float();
        if (std::isnan(x) || std::isnan(y)) {
          out = Value::from_bool(op == CmpOp::NotEq);
          return 1;
        }
        c = x < y ? -1 : x > y ? 1 : 0;
      } else if (a.is_float()) {
        if (std::isnan(a.as_float())) {
          out = Value::from_bool(op == CmpOp::NotEq);
          return 1;
        }
        c = -compare_int_double(b, a.as_float());
      } else {
        if (std::isnan(b.as_float())) {
          out = Value::from_bool(op == CmpOp::NotEq);
          return 1;
        }
        c = compare_int_double(a, b.as_float());
      }
    } else if ((a.is_int() || a.is_bool()) && (b.is_int() || b.is_bool())) {
      c = a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
    } else {
      c = BigInt::compare(to_bigint(a), to_bigint(b));
    }
    out = Value::from_bool(cmp_result(op, c));
    return 1;
  }
  if (Str* x = as_str(a)) {
    if (Str* y = as_str(b)) {
      out = Value::from_bool(cmp_result(op, x == y ? 0 : str_compare(x, y)));
      return 1;
    }
    return 0;
  }
  if (Bytes* x = as_bytes(a)) {
    if (Bytes* y = as_bytes(b)) {
      int c = x->s.compare(y->s);
      out = Value::from_bool(cmp_result(op, c < 0 ? -1 : c > 0 ? 1 : 0));
      return 1;
    }
    return 0;
  }
  if (List* x = as_list(a)) {
    if (List* y = as_list(b)) return seq_compare(ts, op, x->items, y->items, out) < 0 ? -1 : 1;
    return 0;
  }
  if (Tuple* x = as_tuple(a)) {
    if (Tuple* y = as_tuple(b)) return seq_compare(ts, op, x->items, y->items, out) < 0 ? -1 : 1;
    return 0;
  }
  // Slices compare as the tuples (start, stop, step), as in CPython.
  if (a.is_obj() && a.as_obj()->kind == Kind::Slice) {
    if (!b.is_obj() || b.as_obj()->kind != Kind::Slice) return 0;
    auto* x = static_cast<Slice*>(a.as_obj());
    auto* y = static_cast<Slice*>(b.as_obj());
    return seq_compare(ts, op, {x->start, x->stop, x->step}, {y->start, y->stop, y->step}, out) < 0 ? -1 : 1;
  }
  if (int r = dict_view_compare(ts, op, a, b, out); r != 0) return r;
  if (Set* x = as_set(a)) {
    if (Set* y = as_set(b)) return set_compare(ts, op, x, y, out) < 0 ? -1 : 1;
    return 0;
  }
  if (Dict* x = as_dict(a)) {
    Dict* y = as_dict(b);
    if (y == nullptr || (op != CmpOp::Eq && op != CmpOp::NotEq)) return 0;
    bool eq = x->used == y->used;
    for (std::size_t i = 0; eq && i < x->entries.size(); ++i) {
      const DictEntry& e = x->entries[i];
      if (e.key.is_null()) continue;
      Value k = e.key, v = e.value;
      Value w = dict_get(ts, y, k);
      if (w.is_fail()) return -1;
      if (w.is_null()) {
        eq = false;
        break;
      }
      int r = equals(ts, v, w);
      if (r < 0) return -1;
      eq = r == 1;
    }
    out = Value::from_bool(op == CmpOp::Eq ? eq : !eq);
    return 1;
  }
  if (Range* x = as_kind<Range, Kind::Range>(a)) {
    Range* y = as_kind<Range, Kind::Range>(b);
    if (y == nullptr || (op != CmpOp::Eq && op != CmpOp::NotEq)) return 0;
    bool eq = x->length == y->length &&
              (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
    out = Value::from_bool(op == CmpOp::Eq ? eq : !eq);
    return 1;
  }
  // Bound methods are equal when their functions are equal and their
  // receivers are the same object (CPython's classobject.c and
  // methodobject.c); hash_value below agrees.
  if (auto* x = as_kind<BoundMethod, Kind::BoundMethod>(a)) {
    auto* y = as_kind<BoundMethod, Kind::BoundMethod>(b);
    if (y == nullptr || (op != CmpOp::Eq && op != CmpOp::NotEq)) return 0;
    bool eq = x->self.identical(y->self);
    if (eq) {
      int r = equals(ts, x->func, y->func);
      if (r < 0) return -1;
      eq = r == 1;
    }
    out = Value::from_bool(op == CmpOp::Eq ? eq : !eq);
    return 1;
  }
  if (auto* x = as_kind<Native, Kind::Native>(a); x != nullptr && !x->self.is_null()) {
    auto* y = as_kind<Native, Kind::Native>(b);
    if (y == nullptr || y->self.is_null() || (op != CmpOp::Eq && op != CmpOp::NotEq)) return 0;
    bool eq = x->fn == y->fn && x->self.identical(y->self) && std::string_view(x->name) == y->name;
    out = Value::from_bool(op == CmpOp::Eq ? eq : !eq);
    return 1;
  }
  return 0;
}

}  // namespace

int truthy(ThreadState& ts, Value v) {
  switch (v.tag()) {
    case Tag::None: return 0;
    case Tag::Bool:
    case Tag::Int: return v.as_int() != 0;
    case Tag::Float: return v.as_float() != 0.0;
    case Tag::Obj: break;
    default: return 0;
  }
  Object* o = v.as_obj();
  switch (o->kind) {
    case Kind::Str: return static_cast<Str*>(o)->length != 0;
    case Kind::Bytes: return !static_cast<Bytes*>(o)->s.empty();
    case Kind::List: return !static_cast<List*>(o)->items.empty();
    case Kind::Tuple: return !static_cast<Tuple*>(o)->items.empty();
    case Kind::Dict: return static_cast<Dict*>(o)->used != 0;
    case Kind::Set: return static_cast<Set*>(o)->used != 0;
    case Kind::Range: return static_cast<Range*>(o)->length != 0;
    case Kind::BigInt: return !static_cast<BigIntObj*>(o)->v.is_zero();
    default: break;
  }
  Type* t = o->type;
  if (t->builtin) {
    if (t == ts.interp.types.dict_keys || t == ts.interp.types.dict_values || t == ts.interp.types.dict_items) {
      std::int64_t n = length(ts, v);
      return n < 0 ? -1 : n != 0;
    }
    return 1;
  }
  Interpreter& in = ts.interp;
  Value m = type_lookup(t, in.names.__bool__);
  if (!m.is_null()) {
    Value r = call(ts, m, std::span<const Value>(&v, 1));
    if (r.is_fail()) return -1;
    if (!r.is_bool()) {
      raise_fmt(ts, in.types.TypeError, "__bool__ should return bool, returned {}", type_name(ts, r));
      return -1;
    }
    return r.as_bool();
  }
  m = type_lookup(t, in.names.__len__);
  if (!m.is_null()) {
    std::int64_t n = length(ts, v);
    return n < 0 ? -1 : n != 0;
  }
  return 1;
}

int equals(ThreadState& ts, Value a, Value b) {
  if (a.identical(b)) return 1;
  if (a.is_int() && b.is_int()) return 0;
  Str* sa = as_str(a);
  Str* sb = as_str(b);
  if (sa && sb) return sa->length == sb->length && sa->s == sb->s;
  Value r = compare(ts, CmpOp::Eq, a, b);
  if (r.is_fail()) return -1;
  if (r.is_bool()) return r.as_bool();
  return truthy(ts, r);
}

Value compare(ThreadState& ts, CmpOp op, Value a, Value b) {
  Interpreter& in = ts.interp;
  Type* ta = type_of(ts, a);
  Type* tb = type_of(ts, b);
  if (ta->builtin && tb->builtin) {
    Value out;
    int r = builtin_compare(ts, op, a, b, out);
    if (r < 0) return Value::fail();
    if (r > 0) return out;
  } else {
    // Rich comparison protocol: the reflected method of a subclass first.
    auto try_method = [&](Value self, Type* t, CmpOp o, Value other) -> Value {
      if (t->builtin) return Value::null();
      Value m = type_lookup(t, in.intern(cmp_dunder(o)));
      if (m.is_null() || m.is_none()) return Value::null();
      Value args[2] = {self, other};
      return call(ts, m, args);
    };
    bool rfirst = ta != tb && is_subtype(tb, ta);
    if (rfirst) {
      Value r = try_method(b, tb, reflected(op), a);
      if (r.is_fail()) return r;
      if (!r.is_null() && !r.identical(in.not_implemented)) return r;
    }
    Value r = try_method(a, ta, op, b);
    if (r.is_fail()) return r;
    if (!r.is_null() && !r.identical(in.not_implemented)) return r;
    if (!rfirst) {
      r = try_method(b, tb, reflected(op), a);
      if (r.is_fail()) return r;
      if (!r.is_null() && !r.identical(in.not_implemented)) return r;
    }
    if (op == CmpOp::NotEq) {
      // Default __ne__ inverts __eq__.
      Value e = try_method(a, ta, CmpOp::Eq, b);
      if (e.is_fail()) return e;
      if (!e.is_null() && !e.identical(in.not_implemented)) {
        int t = truthy(ts, e);
        if (t < 0) return Value::fail();
        return Value::from_bool(!t);
      }
    }
  }
  if (op == CmpOp::Eq) return Value::from_bool(a.identical(b));
  if (op == CmpOp::NotEq) return Value::from_bool(!a.identical(b));
  return raise_fmt(ts, in.types.TypeError, "'{}' not supported between instances of '{}' and '{}'",
                   cmp_symbol(op), ta->name->s, tb->name->s);
}

bool hash_value(ThreadState& ts, Value v, std::int64_t& out) {
  switch (v.tag()) {
    case Tag::None: out = 0x5f3c1e; return true;
    case Tag::Bool: out = v.as_int(); return true;
    case Tag::Int: {
      std::int64_t x = v.as_int();
      constexpr std::int64_t kModulus = (std::int64_t{1} << 61) - 1;
      if (x == INT64_MIN) {
        out = BigInt(x).hash();
        return true;
      }
      std::int64_t m = (x < 0 ? -x : x) % kModulus;
      out = x < 0 ? -m : m;
      if (out == -1) out = -2;
      return true;
    }
    case Tag::Float: out = text::hash_double(v.as_float()); return true;
    default: break;
  }
  Object* o = v.as_obj();
  Interpreter& in = ts.interp;
  switch (o->kind) {
    case Kind::Str: out = str_hash(static_cast<Str*>(o)); return true;
    case Kind::Bytes: {
      Bytes* b = static_cast<Bytes*>(o);
      if (b->hash_ == -1) {
        Str tmp(in.types.str, b->s);
        b->hash_ = str_hash(&tmp);
      }
      out = b->hash_;
      return true;
    }
    case Kind::BigInt: out = static_cast<BigIntObj*>(o)->v.hash(); return true;
    case Kind::Tuple: return tuple_hash(ts, static_cast<Tuple*>(o), out);
    case Kind::Set:
      if (static_cast<Set*>(o)->frozen) return frozenset_hash(ts, static_cast<Set*>(o), out);
      break;
    case Kind::List:
    case Kind::Dict:
    case Kind::Slice:  // unhashable until 3.12
      break;
    case Kind::BoundMethod: {
      auto* m = static_cast<BoundMethod*>(o);
      std::int64_t fh;
      if (!hash_value(ts, m->func, fh)) return false;
      std::int64_t sh = 0;
      if (m->self.is_obj()) sh = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(m->self.as_obj()) >> 4);
      else if (!hash_value(ts, m->self, sh)) return false;
      out = sh ^ fh;
      if (out == -1) out = -2;
      return true;
    }
    case Kind::Native: {
      auto* n = static_cast<Native*>(o);
      if (n->self.is_null()) {
        out = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(o) >> 4);
        return true;
      }
      std::int64_t sh = 0;
      if (n->self.is_obj()) sh = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(n->self.as_obj()) >> 4);
      else if (!hash_value(ts, n->self, sh)) return false;
      out = sh ^ static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(n->fn) >> 4);
      if (out == -1) out = -2;
      return true;
    }
    default: {
      Type* t = o->type;
      if (!t->builtin) {
        Value m = type_lookup(t, in.names.__hash__);
        if (m.is_none()) break;
        if (!m.is_null() && !(m.is_obj() && m.as_obj()->kind == Kind::Native)) {
          Value r = call(ts, m, std::span<const Value>(&v, 1));
          if (r.is_fail()) return false;
          if (!is_int_like(r)) {
            raise(ts, in.types.TypeError, "__hash__ method should return an integer");
            return false;
          }
          out = r.is_int() || r.is_bool() ? r.as_int() : to_bigint(r).hash();
          if (out == -1) out = -2;
          return true;
        }
      }
      out = static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(o) >> 4);
      return true;
    }
  }
  raise_fmt(ts, in.types.TypeError, "unhashable type: '{}'", o->type->name->s);
  return false;
}

int contains(ThreadState& ts, Value container, Value needle) {
  Interpreter& in = ts.interp;
  if (Str* s = as_str(container)) {
    Str* n = as_str(needle);
    if (n == nullptr) {
      raise_fmt(ts, in.types.TypeError, "'in <string>' requires string as left operand, not {}",
                type_name(ts, needle));
      return -1;
    }
    return str_contains(s, n);
  }
  if (List* l = as_list(container)) return seq_contains(ts, l->items, needle);
  if (Tuple* t = as_tuple(container)) return seq_contains(ts, t->items, needle);
  if (Dict* d = as_dict(container)) {
    Value v = dict_get(ts, d, needle);
    if (v.is_fail()) return -1;
    return !v.is_null();
  }
  if (Set* s = as_set(container)) return set_contains(ts, s, needle);
  if (Range* r = as_kind<Range, Kind::Range>(container)) {
    if (needle.is_int() || needle.is_bool()) {
      std::int64_t x = needle.as_int();
      if (r->length == 0) return 0;
      if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return 0;
      return (x - r->start) % r->step == 0;
    }
  }
  if (Bytes* b = as_bytes(container)) {
    if (Bytes* n = as_bytes(needle)) return b->s.find(n->s) != std::string::npos;
    if (needle.is_int()) return b->s.find(static_cast<char>(needle.as_int())) != std::string::npos;
  }
  Type* t = type_of(ts, container);
  if (t == in.types.dict_keys || t == in.types.dict_items || t == in.types.dict_values)
    return dict_view_contains(ts, container, needle);
  if (!t->builtin) {
    Value m = type_lookup(t, in.names.__contains__);
    if (!m.is_null()) {
      Value args[2] = {container, needle};
      Value r = call(ts, m, args);
      if (r.is_fail()) return -1;
      return truthy(ts, r);
    }
  }
  // Fall back to iteration.
  Value it = get_iter(ts, container);
  if (it.is_fail()) {
    if (exception_matches(ts, in.types.TypeError)) {
      take_exception(ts);
      raise_fmt(ts, in.types.TypeError, "argument of type '{}' is not iterable", t->name->s);
    }
    return -1;
  }
  int found = 0;
  bool ok = for_each_next(ts, it, [&](Value x) {
    found = equals(ts, x, needle);
    return found == 0 ? IterStep::Continue : found < 0 ? IterStep::Fail : IterStep::Break;
  });
  return ok ? found : -1;
}

}  // namespace gilvm
