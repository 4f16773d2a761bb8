// runtime/number_methods.cpp — the constructors of int, float and bool, and
// the methods of int and float (Objects/longobject.c, Objects/floatobject.c,
// Objects/boolobject.c; Library Reference "Numeric Types").
//
// The constructors follow CPython's conversion order: int(x) takes ints
// as they are, truncates floats, parses str/bytes (runtime/number_ops.cpp
// int_from_text), and otherwise asks __int__ then __index__; float(x)
// takes floats, converts ints exactly-rounded (OverflowError for huge ones),
// parses str/bytes with numfmt's parse_float, and otherwise asks __float__
// then __index__. bool(x) is truthiness.
//
// Type-level functions (int.from_bytes) are plain natives in the type's
// dict, not methods, so their arguments are all in `a`.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "runtime/init.h"
#include "runtime/number_ops.h"
#include "runtime/numfmt.h"
#include "runtime/str_ops.h"
#include "vm/api.h"

namespace gilvm {

namespace {

bool small(Value v) { return v.is_int() || v.is_bool(); }

// An int from a finite double, truncating toward zero.
Value int_from_double(ThreadState& ts, double d) {
  if (std::isnan(d)) return raise(ts, ts.interp.types.ValueError, "cannot convert float NaN to integer");
  if (std::isinf(d)) return raise(ts, ts.interp.types.OverflowError, "cannot convert float infinity to integer");
  d = std::trunc(d);
  if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) return Value::from_int(static_cast<std::int64_t>(d));
  return new_int(ts, BigInt::from_double(d));
}

// Calls the special method `name` of v's type, or returns Null when the type
// has none.
Value call_special(ThreadState& ts, Value v, Str* name) {
  if (type_lookup(type_of(ts, v), name).is_null()) return Value::null();
  return call_method(ts, v, name, {});
}

// ---------------------------------------------------------------------------
// int
// ---------------------------------------------------------------------------

Value int_ctor(ThreadState& ts, Value self, const Args& a) {
  // A type's constructor is no table row: its signature is parsed on first use.
  static const MethodDef def{"int", int_ctor, "x=0, /, base=10"};
  static const Signature sig = parse_signature(def, "int");
  Value v[2];
  if (!bind_args(ts, sig, a, v)) return Value::fail();
  Type* TE = ts.interp.types.TypeError;
  if (v[0].is_null()) {
    if (!v[1].is_null()) return raise(ts, TE, "int() missing string argument");
    return Value::from_int(0);
  }
  Value x = v[0];
  if (!v[1].is_null()) {
    std::optional<std::int64_t> b = to_index(ts, v[1]);
    if (!b) return Value::fail();
    if ((*b < 2 || *b > 36) && *b != 0)
      return raise(ts, ts.interp.types.ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (Str* s = as_str(x)) return int_from_text(ts, s->s, static_cast<int>(*b), x);
    if (Bytes* by = as_bytes(x)) return int_from_text(ts, by->s, static_cast<int>(*b), x);
    return raise(ts, TE, "int() can't convert non-string with explicit base");
  }
  if (x.is_int()) return x;
  if (x.is_bool()) return Value::from_int(x.as_int());
  if (as_bigint(x)) return x;
  if (x.is_float()) return int_from_double(ts, x.as_float());
  if (Str* s = as_str(x)) return int_from_text(ts, s->s, 10, x);
  if (Bytes* by = as_bytes(x)) return int_from_text(ts, by->s, 10, x);
  Value r = call_special(ts, x, ts.interp.names.__int__);
  if (r.is_fail()) return r;
  if (!r.is_null()) {
    if (!is_int_like(r)) return raise_fmt(ts, TE, "__int__ returned non-int (type {})", type_name(ts, r));
    return r.is_bool() ? Value::from_int(r.as_int()) : r;
  }
  r = call_special(ts, x, ts.interp.names.__index__);
  if (r.is_fail()) return r;
  if (!r.is_null()) {
    if (!is_int_like(r)) return raise_fmt(ts, TE, "__index__ returned non-int (type {})", type_name(ts, r));
    return r.is_bool() ? Value::from_int(r.as_int()) : r;
  }
  r = call_special(ts, x, ts.interp.intern("__trunc__"));
  if (r.is_fail()) return r;
  if (!r.is_null()) {
    if (!is_int_like(r)) return raise_fmt(ts, TE, "__trunc__ returned non-Integral (type {})", type_name(ts, r));
    return r.is_bool() ? Value::from_int(r.as_int()) : r;
  }
  return raise_fmt(ts, TE, "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                   type_name(ts, x));
}

bool int_recv(ThreadState& ts, Value self, const char* method) {
  if (is_int_like(self)) return true;
  raise_fmt(ts, ts.interp.types.TypeError, "descriptor '{}' for 'int' objects doesn't apply to a '{}' object",
            method, type_name(ts, self));
  return false;
}

Value int_bit_length(ThreadState& ts, Value self, const Args& a) {
  if (!int_recv(ts, self, "bit_length")) return Value::fail();
  if (small(self)) {
    std::int64_t x = self.as_int();
    std::uint64_t m = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
    return Value::from_int(m == 0 ? 0 : 64 - __builtin_clzll(m));
  }
  return Value::from_int(static_cast<std::int64_t>(to_bigint(self).bit_length()));
}

Value int_bit_count(ThreadState& ts, Value self, const Args& a) {
  if (!int_recv(ts, self, "bit_count")) return Value::fail();
  if (small(self)) {
    std::int64_t x = self.as_int();
    std::uint64_t m = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
    return Value::from_int(__builtin_popcountll(m));
  }
  std::int64_t n = 0;
  const BigInt big = to_bigint(self);  // named: limbs() is a view into it
  for (BigInt::Limb l : big.limbs()) n += __builtin_popcount(l);
  return Value::from_int(n);
}

Value int_conjugate(ThreadState& ts, Value self, const Args& a) {
  if (!int_recv(ts, self, "conjugate")) return Value::fail();
  return small(self) ? Value::from_int(self.as_int()) : self;
}

Value int_as_integer_ratio(ThreadState& ts, Value self, const Args& a) {
  if (!int_recv(ts, self, "as_integer_ratio")) return Value::fail();
  Value n = small(self) ? Value::from_int(self.as_int()) : self;
  return Value::from_obj(new_tuple(ts, {n, Value::from_int(1)}));
}

// The byteorder argument: true for little-endian.
bool byteorder_arg(ThreadState& ts, Value v, const char* fname, bool& little) {
  little = false;
  if (v.is_null()) return true;
  Str* s = as_str(v);
  if (!s) {
    raise_fmt(ts, ts.interp.types.TypeError, "{}() argument 'byteorder' must be str, not {}", fname, type_name(ts, v));
    return false;
  }
  if (s->s == "little") {
    little = true;
    return true;
  }
  if (s->s == "big") return true;
  raise(ts, ts.interp.types.ValueError, "byteorder must be either 'little' or 'big'");
  return false;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Value int_to_bytes(ThreadState& ts, Value self, const Args& a) {
  if (!int_recv(ts, self, "to_bytes")) return Value::fail();
  const Args& v = a;  // length, byteorder, signed
  std::int64_t length = 1;
  if (!v[0].is_null()) {
    std::optional<std::int64_t> l = to_index(ts, v[0]);
    if (!l) return Value::fail();
    length = *l;
  }
  if (length < 0) return raise(ts, ts.interp.types.ValueError, "length argument must be non-negative");
  bool little;
  if (!byteorder_arg(ts, v[1], "to_bytes", little)) return Value::fail();
  bool is_signed = false;
  if (!v[2].is_null()) {
    int t = truthy(ts, v[2]);
    if (t < 0) return Value::fail();
    is_signed = t == 1;
  }
  BigInt x = to_bigint(self);
  if (x.is_negative() && !is_signed)
    return raise(ts, ts.interp.types.OverflowError, "can't convert negative int to unsigned");
  if (length > (std::int64_t{1} << 32)) return raise(ts, ts.interp.types.OverflowError, "int too big to convert");
  // Range check: unsigned x < 2**(8n); signed -2**(8n-1) <= x < 2**(8n-1).
  std::uint64_t bits = static_cast<std::uint64_t>(length) * 8;
  bool fits;
  if (!is_signed) {
    fits = x.bit_length() <= bits;
  } else if (bits == 0) {
    fits = x.is_zero();
  } else if (!x.is_negative()) {
    fits = x.bit_length() <= bits - 1;
  } else {
    fits = BigInt::compare(x, -BigInt(1).shift_left(bits - 1)) >= 0;
  }
  if (!fits) return raise(ts, ts.interp.types.OverflowError, "int too big to convert");
  if (x.is_negative()) x = x + BigInt(1).shift_left(bits);  // two's complement
  std::string out(static_cast<std::size_t>(length), '\0');
  auto limbs = x.limbs();
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::size_t limb = i / 4, shift = (i % 4) * 8;
    unsigned char byte = limb < limbs.size() ? static_cast<unsigned char>(limbs[limb] >> shift) : 0;
    out[little ? i : out.size() - 1 - i] = static_cast<char>(byte);
  }
  return new_bytes(ts, std::move(out));
}

// int.from_bytes(bytes, byteorder='big', *, signed=False)
Value int_from_bytes(ThreadState& ts, Value self, const Args& a) {
  // A class-level function outside the method table: its signature is parsed on first use.
  static const MethodDef def{"from_bytes", int_from_bytes, "bytes, byteorder='big', *, signed=False"};
  static const Signature sig = parse_signature(def, "int.from_bytes");
  Value v[3];
  if (!bind_args(ts, sig, a, v)) return Value::fail();
  bool little;
  if (!byteorder_arg(ts, v[1], "from_bytes", little)) return Value::fail();
  bool is_signed = false;
  if (!v[2].is_null()) {
    int t = truthy(ts, v[2]);
    if (t < 0) return Value::fail();
    is_signed = t == 1;
  }
  std::string data;
  if (Bytes* b = as_bytes(v[0])) {
    data = b->s;
  } else {
    // Anything bytes() accepts, e.g. a list of ints.
    Value conv = call(ts, Value::from_obj(ts.interp.types.bytes), std::span<const Value>(&v[0], 1));
    if (conv.is_fail()) return conv;
    data = as_bytes(conv)->s;
  }
  if (little) std::reverse(data.begin(), data.end());
  if (data.empty()) return Value::from_int(0);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(data.size() * 2);
  for (char c : data) {
    hex.push_back(kHex[static_cast<unsigned char>(c) >> 4]);
    hex.push_back(kHex[static_cast<unsigned char>(c) & 15]);
  }
  std::optional<BigInt> r = BigInt::from_digits(hex, 16, false);
  if (!r) return Value::from_int(0);
  if (is_signed && (static_cast<unsigned char>(data[0]) & 0x80))
    *r = *r - BigInt(1).shift_left(static_cast<std::uint64_t>(data.size()) * 8);
  return new_int(ts, *r);
}

// ---------------------------------------------------------------------------
// float
// ---------------------------------------------------------------------------

Value float_from_text(ThreadState& ts, std::string_view text, Value original) {
  std::optional<double> d = text::parse_float(text);
  if (d) return Value::from_float(*d);
  Str* r = repr(ts, original);
  if (!r) return Value::fail();
  return raise_fmt(ts, ts.interp.types.ValueError, "could not convert string to float: {}", r->s);
}

Value float_ctor(ThreadState& ts, Value self, const Args& a) {
  static const MethodDef def{"float", float_ctor, "x=0, /", Style::Positional};
  static const Signature sig = parse_signature(def, "float");
  Value v[1];
  if (!bind_args(ts, sig, a, v)) return Value::fail();
  if (v[0].is_null()) return Value::from_float(0.0);
  Value x = v[0];
  if (x.is_float()) return x;
  if (is_int_like(x)) {
    if (small(x)) return Value::from_float(static_cast<double>(x.as_int()));
    bool overflow = false;
    double d = to_bigint(x).to_double(&overflow);
    if (overflow) return raise(ts, ts.interp.types.OverflowError, "int too large to convert to float");
    return Value::from_float(d);
  }
  if (Str* s = as_str(x)) return float_from_text(ts, s->s, x);
  if (Bytes* b = as_bytes(x)) return float_from_text(ts, b->s, x);
  Type* TE = ts.interp.types.TypeError;
  Value r = call_special(ts, x, ts.interp.names.__float__);
  if (r.is_fail()) return r;
  if (!r.is_null()) {
    if (!r.is_float())
      return raise_fmt(ts, TE, "{}.__float__ returned non-float (type {})", type_name(ts, x), type_name(ts, r));
    return r;
  }
  r = call_special(ts, x, ts.interp.names.__index__);
  if (r.is_fail()) return r;
  if (!r.is_null()) {
    if (!is_int_like(r)) return raise_fmt(ts, TE, "__index__ returned non-int (type {})", type_name(ts, r));
    double d;
    if (small(r)) return Value::from_float(static_cast<double>(r.as_int()));
    bool overflow = false;
    d = to_bigint(r).to_double(&overflow);
    if (overflow) return raise(ts, ts.interp.types.OverflowError, "int too large to convert to float");
    return Value::from_float(d);
  }
  return raise_fmt(ts, TE, "float() argument must be a string or a real number, not '{}'", type_name(ts, x));
}

bool float_recv(ThreadState& ts, Value self, const char* method) {
  if (self.is_float()) return true;
  raise_fmt(ts, ts.interp.types.TypeError, "descriptor '{}' for 'float' objects doesn't apply to a '{}' object",
            method, type_name(ts, self));
  return false;
}

Value float_is_integer(ThreadState& ts, Value self, const Args& a) {
  if (!float_recv(ts, self, "is_integer")) return Value::fail();
  double d = self.as_float();
  return Value::from_bool(std::isfinite(d) && std::trunc(d) == d);
}

Value float_conjugate(ThreadState& ts, Value self, const Args& a) {
  if (!float_recv(ts, self, "conjugate")) return Value::fail();
  return self;
}

// (n, d) in lowest terms with d > 0 a power of two (float_as_integer_ratio).
Value float_as_integer_ratio(ThreadState& ts, Value self, const Args& a) {
  if (!float_recv(ts, self, "as_integer_ratio")) return Value::fail();
  double d = self.as_float();
  if (std::isinf(d)) return raise(ts, ts.interp.types.OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(d)) return raise(ts, ts.interp.types.ValueError, "cannot convert NaN to integer ratio");
  int exp;
  double m = std::frexp(d, &exp);
  // Scale the mantissa to an integer (at most 300 doublings for subnormals).
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --exp;
  }
  BigInt num = BigInt::from_double(m), den(1);
  if (exp > 0)
    num = num.shift_left(static_cast<std::uint64_t>(exp));
  else
    den = den.shift_left(static_cast<std::uint64_t>(-exp));
  // Reduce: both share only factors of two.
  while (!num.is_zero() && !num.is_odd() && !(den == BigInt(1))) {
    num = num.shift_right(1);
    den = den.shift_right(1);
  }
  if (num.is_zero()) den = BigInt(1);
  Value n = new_int(ts, num);
  Value dv = new_int(ts, den);
  return Value::from_obj(new_tuple(ts, {n, dv}));
}

// float.hex(): [-]0x1.<13 hex digits>p<exp>, 0x0.<...>p-1022 for subnormals.
Value float_hex(ThreadState& ts, Value self, const Args& a) {
  if (!float_recv(ts, self, "hex")) return Value::fail();
  double d = self.as_float();
  if (std::isnan(d)) return new_str(ts, "nan");
  if (std::isinf(d)) return new_str(ts, d < 0 ? "-inf" : "inf");
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  bool neg = bits >> 63;
  int e = static_cast<int>((bits >> 52) & 0x7FF);
  std::uint64_t mant = bits & ((std::uint64_t{1} << 52) - 1);
  std::string out = neg ? "-" : "";
  if (e == 0 && mant == 0) return new_str(ts, out + "0x0.0p+0");
  int exp = e == 0 ? -1022 : e - 1023;
  out += fmt::format("0x{}.{:013x}p{}{}", e == 0 ? 0 : 1, mant, exp < 0 ? "-" : "+", exp < 0 ? -exp : exp);
  return new_str(ts, std::move(out));
}

// float.fromhex(s): a class method, registered as a plain function in the
// type's dict. [sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits],
// or inf / infinity / nan, with surrounding whitespace; the digits are
// handed to strtod, which rounds hex input correctly (float_fromhex).
Value float_fromhex(ThreadState& ts, Value self, const Args& a) {
  static const MethodDef def{"fromhex", float_fromhex, "string, /", Style::One};
  static const Signature sig = parse_signature(def, "float.fromhex");
  Value v[1];
  if (!bind_args(ts, sig, a, v)) return Value::fail();
  Str* str_arg = as_str(v[0]);
  if (!str_arg) return raise(ts, ts.interp.types.TypeError, "bad argument type for built-in operation");
  auto invalid = [&] { return raise(ts, ts.interp.types.ValueError, "invalid hexadecimal floating-point string"); };
  std::string_view t = str_arg->s;
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!t.empty() && space(t.front())) t.remove_prefix(1);
  while (!t.empty() && space(t.back())) t.remove_suffix(1);
  bool neg = false;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    neg = t[0] == '-';
    t.remove_prefix(1);
  }
  std::string lower;
  for (char c : t) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  if (lower == "inf" || lower == "infinity") return Value::from_float(neg ? -HUGE_VAL : HUGE_VAL);
  if (lower == "nan") return Value::from_float(std::nan(""));
  std::string_view l = lower;
  if (l.starts_with("0x")) l.remove_prefix(2);
  auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
  std::size_t i = 0, ndigits = 0;
  while (i < l.size() && hex(l[i])) ++i, ++ndigits;
  if (i < l.size() && l[i] == '.') {
    ++i;
    while (i < l.size() && hex(l[i])) ++i, ++ndigits;
  }
  if (ndigits == 0) return invalid();
  std::string_view mant = l.substr(0, i);
  std::string_view exp = "0";
  if (i < l.size()) {
    if (l[i] != 'p') return invalid();
    std::size_t j = i + 1;
    if (j < l.size() && (l[j] == '+' || l[j] == '-')) ++j;
    std::size_t k = j;
    while (k < l.size() && l[k] >= '0' && l[k] <= '9') ++k;
    if (k == j || k != l.size()) return invalid();
    exp = l.substr(i + 1);
  }
  std::string text = std::string(neg ? "-0x" : "0x") + std::string(mant) + "p" + std::string(exp);
  double d = std::strtod(text.c_str(), nullptr);
  if (std::isinf(d))
    return raise(ts, ts.interp.types.OverflowError, "hexadecimal value too large to represent as a float");
  return Value::from_float(d);
}

// ---------------------------------------------------------------------------
// bool
// ---------------------------------------------------------------------------

Value bool_ctor(ThreadState& ts, Value self, const Args& a) {
  static const MethodDef def{"bool", bool_ctor, "x=False, /", Style::Positional};
  static const Signature sig = parse_signature(def, "bool");
  Value v[1];
  if (!bind_args(ts, sig, a, v)) return Value::fail();
  if (v[0].is_null()) return Value::from_bool(false);
  int t = truthy(ts, v[0]);
  if (t < 0) return Value::fail();
  return Value::from_bool(t == 1);
}

}  // namespace

void init_int_float_methods(Interpreter& interp) {
  Type* i = interp.types.int_;
  Type* f = interp.types.float_;
  i->ctor = int_ctor;
  f->ctor = float_ctor;
  interp.types.bool_->ctor = bool_ctor;
  static const MethodDef int_defs[] = {
      {"bit_length", int_bit_length, "", Style::NoArgs},
      {"bit_count", int_bit_count, "", Style::NoArgs},
      {"conjugate", int_conjugate, "", Style::NoArgs},
      {"as_integer_ratio", int_as_integer_ratio, "", Style::NoArgs},
      {"to_bytes", int_to_bytes, "length=1, byteorder='big', *, signed=False"},
  };
  // real/imag/numerator/denominator: a bool answers as the int it is.
  static const GetSetDef int_getsets[] = {
      {"real", [](ThreadState&, Value v) { return v.is_bool() ? Value::from_int(v.as_int()) : v; }},
      {"imag", [](ThreadState&, Value) { return Value::from_int(0); }},
      {"numerator", [](ThreadState&, Value v) { return v.is_bool() ? Value::from_int(v.as_int()) : v; }},
      {"denominator", [](ThreadState&, Value) { return Value::from_int(1); }},
  };
  add_methods(interp, i, int_defs, int_getsets);
  Native* fb = interp.heap.make<Native>(interp.types.builtin_function, int_from_bytes, "from_bytes");
  dict_set_cstr(interp, i->dict, "from_bytes", Value::from_obj(fb));
  static const MethodDef float_defs[] = {
      {"is_integer", float_is_integer, "", Style::NoArgs},
      {"conjugate", float_conjugate, "", Style::NoArgs},
      {"as_integer_ratio", float_as_integer_ratio, "", Style::NoArgs},
      {"hex", float_hex, "", Style::NoArgs},
  };
  static const GetSetDef float_getsets[] = {
      {"real", [](ThreadState&, Value v) { return v; }},
      {"imag", [](ThreadState&, Value) { return Value::from_float(0.0); }},
  };
  add_methods(interp, f, float_defs, float_getsets);
  Native* fh = interp.heap.make<Native>(interp.types.builtin_function, float_fromhex, "fromhex");
  dict_set_cstr(interp, f->dict, "fromhex", Value::from_obj(fh));
}

}  // namespace gilvm
