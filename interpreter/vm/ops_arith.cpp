// Arithmetic: the binary and unary operators of Python Language Reference
// §6.5–§6.9 on builtin values, and the __op__ / __rop__ protocol of §3.3.8
// ("Emulating numeric types") for everything else.
//
// Ints are inline int64 until a result overflows; then the BigInt path
// computes it exactly and new_int() brings it back inline if it fits.
#include <cmath>
#include <limits>

#include "runtime/dict_ops.h"
#include "runtime/number_ops.h"
#include "runtime/numfmt.h"
#include "runtime/printf_format.h"
#include "runtime/seq_ops.h"
#include "runtime/set_ops.h"
#include "runtime/str_ops.h"
#include "vm/api.h"
#include "vm/ops.h"

namespace gilvm {

using front::BinOp;

namespace {

const char* op_symbol(BinOp op) {
  switch (op) {
    case BinOp::Add: return "+";
    case BinOp::Sub: return "-";
    case BinOp::Mul: return "*";
    case BinOp::Div: return "/";
    case BinOp::FloorDiv: return "//";
    case BinOp::Mod: return "%";
    case BinOp::Pow: return "** or pow()";
    case BinOp::LShift: return "<<";
    case BinOp::RShift: return ">>";
    case BinOp::BitAnd: return "&";
    case BinOp::BitOr: return "|";
    case BinOp::BitXor: return "^";
    case BinOp::MatMul: return "@";
  }
  return "?";
}

const char* dunder(BinOp op) {
  switch (op) {
    case BinOp::Add: return "add";
    case BinOp::Sub: return "sub";
    case BinOp::Mul: return "mul";
    case BinOp::Div: return "truediv";
    case BinOp::FloorDiv: return "floordiv";
    case BinOp::Mod: return "mod";
    case BinOp::Pow: return "pow";
    case BinOp::LShift: return "lshift";
    case BinOp::RShift: return "rshift";
    case BinOp::BitAnd: return "and";
    case BinOp::BitOr: return "or";
    case BinOp::BitXor: return "xor";
    case BinOp::MatMul: return "matmul";
  }
  return "?";
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  std::int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

Value int_true_divide(ThreadState& ts, Value a, Value b) {
  if (a.is_int() || a.is_bool()) {
    if (b.is_int() || b.is_bool()) {
      std::int64_t x = a.as_int(), y = b.as_int();
      if (y == 0) return raise(ts, ts.interp.types.ZeroDivisionError, "division by zero");
      constexpr std::int64_t k = std::int64_t{1} << 53;
      if (x > -k && x < k && y > -k && y < k)
        return Value::from_float(static_cast<double>(x) / static_cast<double>(y));
    }
  }
  BigInt bx = to_bigint(a), by = to_bigint(b);
  if (by.is_zero()) return raise(ts, ts.interp.types.ZeroDivisionError, "division by zero");
  bool overflow = false;
  double d = BigInt::true_divide(bx, by, &overflow);
  if (overflow) return raise(ts, ts.interp.types.OverflowError, "integer division result too large for a float");
  return Value::from_float(d);
}

// Both operands int-like.
Value int_op(ThreadState& ts, BinOp op, Value a, Value b) {
  Interpreter& in = ts.interp;
  Value fast;
  if ((a.is_int() || a.is_bool()) && (b.is_int() || b.is_bool())) {
    bool both_bool = a.is_bool() && b.is_bool();
    if (both_bool && (op == BinOp::BitAnd || op == BinOp::BitOr || op == BinOp::BitXor)) {
      bool x = a.as_bool(), y = b.as_bool();
      return Value::from_bool(op == BinOp::BitAnd ? (x && y) : op == BinOp::BitOr ? (x || y) : (x != y));
    }
    if (ops::int_fast_op(op, a.as_int(), b.as_int(), fast)) return fast;
  }
  if (op == BinOp::Div) return int_true_divide(ts, a, b);
  if (op == BinOp::Pow) return int_pow(ts, a, b, Value::null());
  BigInt x = to_bigint(a), y = to_bigint(b);
  switch (op) {
    case BinOp::Add: return new_int(ts, x + y);
    case BinOp::Sub: return new_int(ts, x - y);
    case BinOp::Mul: return new_int(ts, x * y);
    case BinOp::FloorDiv:
    case BinOp::Mod: {
      if (y.is_zero())
        return raise(ts, in.types.ZeroDivisionError,
                     op == BinOp::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
      BigInt q, r;
      BigInt::divmod(x, y, &q, &r);
      return new_int(ts, op == BinOp::Mod ? r : q);
    }
    case BinOp::LShift:
    case BinOp::RShift: {
      if (y.is_negative()) return raise(ts, in.types.ValueError, "negative shift count");
      if (!y.fits_int64() || y.to_int64() > (std::int64_t{1} << 32)) {
        if (op == BinOp::RShift) return Value::from_int(x.is_negative() ? -1 : 0);
        if (x.is_zero()) return Value::from_int(0);
        return raise(ts, in.types.OverflowError, "too many digits in integer");
      }
      std::uint64_t n = static_cast<std::uint64_t>(y.to_int64());
      return new_int(ts, op == BinOp::LShift ? x.shift_left(n) : x.shift_right(n));
    }
    case BinOp::BitAnd: return new_int(ts, x & y);
    case BinOp::BitOr: return new_int(ts, x | y);
    case BinOp::BitXor: return new_int(ts, x ^ y);
    default: return Value::null();
  }
}

// At least one operand float, the other float or int-like.
Value float_op(ThreadState& ts, BinOp op, double x, double y) {
  Interpreter& in = ts.interp;
  Value r;
  if (ops::float_fast_op(op, x, y, r)) return r;
  switch (op) {
    case BinOp::Div: return raise(ts, in.types.ZeroDivisionError, "float division by zero");
    case BinOp::FloorDiv: return raise(ts, in.types.ZeroDivisionError, "float floor division by zero");
    case BinOp::Mod: return raise(ts, in.types.ZeroDivisionError, "float modulo");
    case BinOp::Pow: {
      // The special cases in the order of CPython's float_pow
      // (Objects/floatobject.c): zero exponent, NaNs, infinite exponent,
      // infinite base, zero base; only then a negative base.
      auto odd_integer = [](double v) { return std::isfinite(v) && std::fmod(std::fabs(v), 2.0) == 1.0; };
      if (y == 0.0) return Value::from_float(1.0);
      if (std::isnan(x)) return Value::from_float(x);
      if (std::isnan(y)) return Value::from_float(x == 1.0 ? 1.0 : y);
      if (std::isinf(y)) {
        double ax = std::fabs(x);
        if (ax == 1.0) return Value::from_float(1.0);
        return Value::from_float((y > 0.0) == (ax > 1.0) ? std::fabs(y) : 0.0);
      }
      if (std::isinf(x)) {
        if (y > 0.0) return Value::from_float(odd_integer(y) ? x : std::fabs(x));
        return Value::from_float(odd_integer(y) ? std::copysign(0.0, x) : 0.0);
      }
      if (x == 0.0) {
        if (y < 0.0) return raise(ts, in.types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return Value::from_float(odd_integer(y) ? x : 0.0);
      }
      if (x < 0.0 && y != std::floor(y))
        return raise(ts, in.types.ValueError, "complex numbers are not supported by gilvm");
      double p = std::pow(x, y);
      if (std::isinf(p) && std::isfinite(x) && std::isfinite(y))
        return raise(ts, in.types.OverflowError, "(34, 'Numerical result out of range')");
      return Value::from_float(p);
    }
    default: return Value::null();
  }
}

bool is_number(Value v) { return v.is_float() || is_int_like(v); }

// The builtin implementation of `a op b`, or Null when the operand types
// have none (then the dunder protocol and the TypeError follow).
Value builtin_binary(ThreadState& ts, BinOp op, Value a, Value b) {
  if (is_int_like(a) && is_int_like(b)) return int_op(ts, op, a, b);
  if ((a.is_float() && is_number(b)) || (b.is_float() && is_number(a))) {
    if (op == BinOp::LShift || op == BinOp::RShift || op == BinOp::BitAnd || op == BinOp::BitOr ||
        op == BinOp::BitXor || op == BinOp::MatMul)
      return Value::null();
    auto x = to_double(ts, a);
    if (!x) return Value::fail();
    auto y = to_double(ts, b);
    if (!y) return Value::fail();
    return float_op(ts, op, *x, *y);
  }
  Str* sa = as_str(a);
  if (op == BinOp::Add) {
    if (sa) {
      if (Str* sb = as_str(b)) return str_concat(ts, sa, sb);
      return raise_fmt(ts, ts.interp.types.TypeError, "can only concatenate str (not \"{}\") to str",
                       type_name(ts, b));
    }
    if (Bytes* ba = as_bytes(a)) {
      if (Bytes* bb = as_bytes(b)) return new_bytes(ts, ba->s + bb->s);
      return raise_fmt(ts, ts.interp.types.TypeError, "can't concat {} to bytes", type_name(ts, b));
    }
    if ((as_list(a) && as_list(b)) || (as_tuple(a) && as_tuple(b))) return seq_concat(ts, a, b);
    if (as_list(a) || as_tuple(a)) return seq_concat(ts, a, b);
    return Value::null();
  }
  if (op == BinOp::Mul) {
    Value seq = a, n = b;
    if (is_int_like(a)) std::swap(seq, n);
    if (is_int_like(n) && (as_str(seq) || as_list(seq) || as_tuple(seq) || as_bytes(seq))) {
      std::int64_t count;
      if (n.is_int() || n.is_bool()) {
        count = n.as_int();
      } else {
        if (to_bigint(n).is_negative()) {
          count = 0;
        } else {
          return raise_fmt(ts, ts.interp.types.OverflowError, "cannot fit 'int' into an index-sized integer");
        }
      }
      if (Str* s = as_str(seq)) return str_repeat(ts, s, count);
      if (Bytes* bs = as_bytes(seq)) return new_bytes(ts, repeat_text(bs->s, count > 0 ? static_cast<std::size_t>(count) : 0));
      return seq_repeat(ts, seq, count);
    }
    if (as_str(seq) || as_list(seq) || as_tuple(seq)) {
      Value other = seq.identical(a) ? b : a;
      if (!is_int_like(other) && type_of(ts, other)->builtin)
        return raise_fmt(ts, ts.interp.types.TypeError, "can't multiply sequence by non-int of type '{}'",
                         type_name(ts, other));
    }
    return Value::null();
  }
  if (Value r = dict_view_binary(ts, op, a, b); !r.is_null()) return r;
  Set* xa = as_set(a);
  Set* xb = as_set(b);
  if (xa && xb && (op == BinOp::BitOr || op == BinOp::BitAnd || op == BinOp::Sub || op == BinOp::BitXor))
    return set_binary(ts, op, xa, xb);
  if (op == BinOp::BitOr) {
    Dict* da = as_dict(a);
    Dict* db = as_dict(b);
    if (da && db) {
      Dict* d = new_dict(ts);
      TempRoot root(ts, obj(d));
      bool ok = true;
      dict_for_each(da, [&](Value k, Value v) { ok = ok && dict_set(ts, d, k, v); });
      dict_for_each(db, [&](Value k, Value v) { ok = ok && dict_set(ts, d, k, v); });
      return ok ? obj(d) : Value::fail();
    }
  }
  // str.__mod__ and bytes.__mod__: printf-style formatting.
  if (op == BinOp::Mod) {
    if (sa) return printf_format_str(ts, sa, b);
    if (Bytes* ba = as_bytes(a)) return printf_format_bytes(ts, ba, b);
  }
  return Value::null();
}

// Calls type(obj).__name__(obj, other) if defined: Null when missing,
// NotImplemented passes through.
Value call_dunder(ThreadState& ts, Value self, const std::string& name, Value other) {
  Type* t = type_of(ts, self);
  if (t->builtin) return Value::null();
  Value m = type_lookup(t, ts.interp.intern(name));
  if (m.is_null()) return Value::null();
  Value args[2] = {self, other};
  return call(ts, m, args);
}

Value binary_protocol(ThreadState& ts, BinOp op, Value a, Value b, bool inplace) {
  Interpreter& in = ts.interp;
  // "..." % args with builtin args (no __rmod__ can take precedence): the
  // formatter at once, as str.__mod__ would be reached anyway.
  if (op == BinOp::Mod && a.is_obj() && a.as_obj()->type == in.types.str && type_of(ts, b)->builtin)
    return printf_format_str(ts, static_cast<Str*>(a.as_obj()), b);
  std::string base = dunder(op);
  if (inplace) {
    Value r = call_dunder(ts, a, "__i" + base + "__", b);
    if (r.is_fail()) return r;
    if (!r.is_null() && !r.identical(in.not_implemented)) return r;
  }
  Type* ta = type_of(ts, a);
  Type* tb = type_of(ts, b);
  bool builtin_pair = ta->builtin && tb->builtin;
  if (builtin_pair) {
    Value r = builtin_binary(ts, op, a, b);
    if (!r.is_null()) return r;
  } else {
    // A subclass's reflected method goes first when it overrides it.
    bool rfirst = ta != tb && is_subtype(tb, ta) && !tb->builtin;
    if (rfirst) {
      Value r = call_dunder(ts, b, "__r" + base + "__", a);
      if (r.is_fail()) return r;
      if (!r.is_null() && !r.identical(in.not_implemented)) return r;
    }
    Value r = ta->builtin ? builtin_binary(ts, op, a, b) : call_dunder(ts, a, "__" + base + "__", b);
    if (r.is_fail()) return r;
    if (ta->builtin && r.is_null() && !tb->builtin) r = Value::null();
    if (!r.is_null() && !r.identical(in.not_implemented)) return r;
    if (!rfirst && ta != tb) {
      r = tb->builtin ? builtin_binary(ts, op, a, b) : call_dunder(ts, b, "__r" + base + "__", a);
      if (r.is_fail()) return r;
      if (!r.is_null() && !r.identical(in.not_implemented)) return r;
    }
  }
  const char* sym = op_symbol(op);
  std::string isym = inplace ? std::string(sym) + "=" : sym;
  if (op == BinOp::Pow) isym = inplace ? "**=" : "** or pow()";
  return raise_fmt(ts, in.types.TypeError, "unsupported operand type(s) for {}: '{}' and '{}'", isym, ta->name->s,
                   tb->name->s);
}

}  // namespace

namespace ops {

bool int_fast_op(BinOp op, std::int64_t a, std::int64_t b, Value& out) {
  std::int64_t r;
  switch (op) {
    case BinOp::Add:
      if (__builtin_add_overflow(a, b, &r)) return false;
      out = Value::from_int(r);
      return true;
    case BinOp::Sub:
      if (__builtin_sub_overflow(a, b, &r)) return false;
      out = Value::from_int(r);
      return true;
    case BinOp::Mul:
      if (__builtin_mul_overflow(a, b, &r)) return false;
      out = Value::from_int(r);
      return true;
    case BinOp::FloorDiv:
      if (b == 0 || (a == INT64_MIN && b == -1)) return false;
      out = Value::from_int(floor_div(a, b));
      return true;
    case BinOp::Mod:
      if (b == 0 || (a == INT64_MIN && b == -1)) return false;
      out = Value::from_int(floor_mod(a, b));
      return true;
    case BinOp::Div: {
      constexpr std::int64_t k = std::int64_t{1} << 53;
      if (b == 0 || a <= -k || a >= k || b <= -k || b >= k) return false;
      out = Value::from_float(static_cast<double>(a) / static_cast<double>(b));
      return true;
    }
    case BinOp::BitAnd: out = Value::from_int(a & b); return true;
    case BinOp::BitOr: out = Value::from_int(a | b); return true;
    case BinOp::BitXor: out = Value::from_int(a ^ b); return true;
    case BinOp::LShift:
      if (b < 0 || b >= 63) return false;
      if (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b))) return false;
      out = Value::from_int(static_cast<std::int64_t>(static_cast<std::uint64_t>(a) << b));
      return true;
    case BinOp::RShift:
      if (b < 0) return false;
      out = Value::from_int(b >= 63 ? (a < 0 ? -1 : 0) : (a >> b));
      return true;
    case BinOp::Pow: {
      if (b < 0 || b > 64) return false;
      std::int64_t acc = 1, base = a;
      std::int64_t e = b;
      while (e > 0) {
        if (e & 1) {
          if (__builtin_mul_overflow(acc, base, &acc)) return false;
        }
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(base, base, &base)) return false;
      }
      out = Value::from_int(acc);
      return true;
    }
    default:
      return false;
  }
}

bool float_fast_op(BinOp op, double a, double b, Value& out) {
  switch (op) {
    case BinOp::Add: out = Value::from_float(a + b); return true;
    case BinOp::Sub: out = Value::from_float(a - b); return true;
    case BinOp::Mul: out = Value::from_float(a * b); return true;
    case BinOp::Div:
      if (b == 0.0) return false;
      out = Value::from_float(a / b);
      return true;
    case BinOp::FloorDiv:
      if (b == 0.0) return false;
      out = Value::from_float(text::py_floordiv(a, b));
      return true;
    case BinOp::Mod:
      if (b == 0.0) return false;
      out = Value::from_float(text::py_fmod(a, b));
      return true;
    case BinOp::Pow:
      if (a > 0.0 && std::isfinite(a) && std::isfinite(b)) {
        double p = std::pow(a, b);
        if (std::isinf(p)) return false;
        out = Value::from_float(p);
        return true;
      }
      return false;
    default:
      return false;
  }
}

}  // namespace ops

Value binary_op(ThreadState& ts, BinOp op, Value a, Value b) { return binary_protocol(ts, op, a, b, false); }

Value inplace_op(ThreadState& ts, BinOp op, Value a, Value b) {
  // Mutable builtins update in place (list +=, set |=, dict |=).
  if (List* l = as_list(a)) {
    if (op == BinOp::Add) {
      if (!seq_extend(ts, l, b)) return Value::fail();
      return a;
    }
    if (op == BinOp::Mul && is_int_like(b)) {
      Value r = seq_repeat(ts, a, b.is_int() || b.is_bool() ? b.as_int() : 0);
      if (r.is_fail()) return r;
      l->items = as_list(r)->items;
      return a;
    }
  }
  if (Set* s = as_set(a); s && !s->frozen) {
    if (Set* o = as_set(b)) {
      if (op == BinOp::BitOr || op == BinOp::BitAnd || op == BinOp::Sub || op == BinOp::BitXor)
        return set_inplace(ts, op, s, o);
    }
  }
  if (Dict* d = as_dict(a); d && op == BinOp::BitOr) {
    if (!ops::dict_merge(ts, d, b, false)) return Value::fail();
    return a;
  }
  return binary_protocol(ts, op, a, b, true);
}

Value unary_op(ThreadState& ts, front::UnaryOp op, Value v) {
  Interpreter& in = ts.interp;
  if (v.is_int() || v.is_bool()) {
    std::int64_t x = v.as_int();
    switch (op) {
      case front::UnaryOp::Neg:
        if (x == INT64_MIN) return new_int(ts, -BigInt(x));
        return Value::from_int(-x);
      case front::UnaryOp::Pos: return Value::from_int(x);
      case front::UnaryOp::Invert: return Value::from_int(~x);
      default: break;
    }
  }
  if (BigIntObj* b = as_bigint(v)) {
    switch (op) {
      case front::UnaryOp::Neg: return new_int(ts, -b->v);
      case front::UnaryOp::Pos: return v;
      case front::UnaryOp::Invert: return new_int(ts, b->v.invert());
      default: break;
    }
  }
  if (v.is_float()) {
    if (op == front::UnaryOp::Neg) return Value::from_float(-v.as_float());
    if (op == front::UnaryOp::Pos) return v;
  }
  if (op == front::UnaryOp::Not) {
    int t = truthy(ts, v);
    if (t < 0) return Value::fail();
    return Value::from_bool(!t);
  }
  const char* name = op == front::UnaryOp::Neg ? "__neg__" : op == front::UnaryOp::Pos ? "__pos__" : "__invert__";
  Type* t = type_of(ts, v);
  if (!t->builtin) {
    Value m = type_lookup(t, in.intern(name));
    if (!m.is_null()) return call(ts, m, std::span<const Value>(&v, 1));
  }
  const char* sym = op == front::UnaryOp::Neg ? "-" : op == front::UnaryOp::Pos ? "+" : "~";
  return raise_fmt(ts, in.types.TypeError, "bad operand type for unary {}: '{}'", sym, t->name->s);
}

}  // namespace gilvm
