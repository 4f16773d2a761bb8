// Making and inspecting values: the constructors and type queries of
// vm/api.h, the rooting helper, and the native-argument helpers.
#include <climits>
#include <cmath>

#include "runtime/bigint.h"
#include "vm/api.h"

namespace gilvm {

Value obj(Object* o) { return Value::from_obj(o); }

Str* new_str_obj(Interpreter& interp, std::string text) {
  return interp.heap.make<Str>(interp.types.str, std::move(text));
}
Str* new_str_obj(Interpreter& interp, std::string_view valid_utf8, std::size_t code_points) {
  return interp.heap.make<Str>(interp.types.str, valid_utf8, code_points);
}
Value new_str(ThreadState& ts, std::string text) { return obj(new_str_obj(ts.interp, std::move(text))); }
Value new_bytes(ThreadState& ts, std::string data) {
  return obj(ts.interp.heap.make<Bytes>(ts.interp.types.bytes, std::move(data)));
}
Value new_int(ThreadState& ts, BigInt v) {
  if (v.fits_int64()) return Value::from_int(v.to_int64());
  return obj(ts.interp.heap.make<BigIntObj>(ts.interp.types.int_, std::move(v)));
}
List* new_list(ThreadState& ts, std::size_t reserve) {
  List* l = ts.interp.heap.make<List>(ts.interp.types.list);
  l->items.reserve(reserve);
  return l;
}
Tuple* new_tuple(ThreadState& ts, std::span<const Value> items) {
  if (items.empty()) return ts.interp.empty_tuple;
  Tuple* t = ts.interp.heap.make<Tuple>(ts.interp.types.tuple);
  t->items.assign(items.begin(), items.end());
  return t;
}
Tuple* new_tuple(ThreadState& ts, std::initializer_list<Value> items) {
  return new_tuple(ts, std::span<const Value>(items.begin(), items.size()));
}
Dict* new_dict(ThreadState& ts) { return ts.interp.heap.make<Dict>(ts.interp.types.dict); }
Set* new_set(ThreadState& ts, bool frozen) {
  return ts.interp.heap.make<Set>(frozen ? ts.interp.types.frozenset : ts.interp.types.set, frozen);
}
Native* new_native(ThreadState& ts, NativeFn fn, const char* name, Value self) {
  return ts.interp.heap.make<Native>(ts.interp.types.builtin_function, fn, name, self);
}

Type* type_of(Interpreter& interp, Value v) {
  switch (v.tag()) {
    case Tag::None: return interp.types.none;
    case Tag::Bool: return interp.types.bool_;
    case Tag::Int: return interp.types.int_;
    case Tag::Float: return interp.types.float_;
    case Tag::Obj: return v.as_obj()->type;
    default: return interp.types.none;
  }
}

std::string_view type_name(ThreadState& ts, Value v) { return type_of(ts, v)->name->s; }

bool is_subtype(const Type* t, const Type* base) {
  for (const Type* p : t->mro)
    if (p == base) return true;
  return false;
}

bool isinstance(ThreadState& ts, Value v, Type* t) { return is_subtype(type_of(ts, v), t); }

bool is_int_like(Value v) { return v.is_int() || v.is_bool() || as_bigint(v) != nullptr; }

BigInt to_bigint(Value v) {
  if (v.is_int() || v.is_bool()) return BigInt(v.as_int());
  if (BigIntObj* b = as_bigint(v)) return b->v;
  return BigInt();
}

std::optional<std::int64_t> to_index(ThreadState& ts, Value v) {
  if (v.is_int() || v.is_bool()) return v.as_int();
  if (as_bigint(v)) {
    raise_fmt(ts, ts.interp.types.IndexError, "cannot fit 'int' into an index-sized integer");
    return std::nullopt;
  }
  if (v.is_obj() && !type_of(ts, v)->builtin) {
    Value m = type_lookup(type_of(ts, v), ts.interp.names.__index__);
    if (!m.is_null()) {
      Value r = call(ts, m, std::span<const Value>(&v, 1));
      if (r.is_fail()) return std::nullopt;
      if (r.is_int() || r.is_bool()) return r.as_int();
      raise_fmt(ts, ts.interp.types.TypeError, "__index__ returned non-int (type {})", type_name(ts, r));
      return std::nullopt;
    }
  }
  raise_fmt(ts, ts.interp.types.TypeError, "'{}' object cannot be interpreted as an integer", type_name(ts, v));
  return std::nullopt;
}

bool to_c_int(ThreadState& ts, Value v, int& out) {
  std::optional<std::int64_t> n;
  if (as_bigint(v) == nullptr) {
    n = to_index(ts, v);
    if (!n) return false;
  }
  if (!n || *n > INT_MAX || *n < INT_MIN) {
    raise(ts, ts.interp.types.OverflowError, "Python int too large to convert to C int");
    return false;
  }
  out = static_cast<int>(*n);
  return true;
}

std::optional<double> to_double(ThreadState& ts, Value v) {
  if (v.is_float()) return v.as_float();
  if (v.is_int() || v.is_bool()) return static_cast<double>(v.as_int());
  if (BigIntObj* b = as_bigint(v)) {
    bool overflow = false;
    double d = b->v.to_double(&overflow);
    if (overflow) {
      raise(ts, ts.interp.types.OverflowError, "int too large to convert to float");
      return std::nullopt;
    }
    return d;
  }
  if (v.is_obj() && !type_of(ts, v)->builtin) {
    Value m = type_lookup(type_of(ts, v), ts.interp.names.__float__);
    if (!m.is_null()) {
      Value r = call(ts, m, std::span<const Value>(&v, 1));
      if (r.is_fail()) return std::nullopt;
      if (r.is_float()) return r.as_float();
    }
  }
  raise_fmt(ts, ts.interp.types.TypeError, "must be real number, not {}", type_name(ts, v));
  return std::nullopt;
}

TempRoot::TempRoot(ThreadState& ts, Value v) : ts_(ts), slot_(ts.stack_top) {
  *ts.stack_top++ = v;
}
TempRoot::~TempRoot() {
  // Roots are released in reverse order of creation (they are scoped).
  ts_.stack_top = slot_;
}

static const char* plural(std::size_t n, const char* one, const char* many) { return n == 1 ? one : many; }

bool check_args(ThreadState& ts, const Args& a, const char* name, std::size_t min, std::size_t max,
                bool allow_kw) {
  if (!allow_kw && a.nkw > 0) {
    raise_fmt(ts, ts.interp.types.TypeError, "{}() takes no keyword arguments", name);
    return false;
  }
  if (a.npos >= min && a.npos <= max) return true;
  if (min == max) {
    if (min == 0)
      raise_fmt(ts, ts.interp.types.TypeError, "{}() takes no arguments ({} given)", name, a.npos);
    else if (min == 1)
      raise_fmt(ts, ts.interp.types.TypeError, "{}() takes exactly one argument ({} given)", name, a.npos);
    else
      raise_fmt(ts, ts.interp.types.TypeError, "{} expected {} arguments, got {}", name, min, a.npos);
  } else if (a.npos < min) {
    raise_fmt(ts, ts.interp.types.TypeError, "{} expected at least {} {}, got {}", name, min,
              plural(min, "argument", "arguments"), a.npos);
  } else {
    raise_fmt(ts, ts.interp.types.TypeError, "{} expected at most {} {}, got {}", name, max,
              plural(max, "argument", "arguments"), a.npos);
  }
  return false;
}

Value kwarg(const Args& a, std::string_view name) {
  for (std::size_t i = 0; i < a.nkw; ++i)
    if (a.kwnames[i]->s == name) return a.kwvalues[i];
  return Value::null();
}

}  // namespace gilvm
