// runtime/number_ops.cpp — pow, round, int <-> text and format() for the
// numeric types (declared in runtime/number_ops.h).
//
// Inline ints take int64 fast paths (checked with the overflow builtins) and
// fall back to BigInt; results go through new_int, which normalises back to
// inline form. The digit strings, float rounding and the format-spec
// mini-language are numfmt's; this file adds the Python errors around them.
// Semantics follow Objects/longobject.c (long_pow, long_round,
// long_to_decimal_string, PyLong_FromString) and Objects/floatobject.c
// (float_pow for negative int exponents, float___round___impl).
#include "runtime/number_ops.h"

#include <charconv>
#include <cmath>
#include <string>

#include "runtime/numfmt.h"
#include "runtime/unicode.h"
#include "vm/api.h"

namespace gilvm {

namespace {

// CPython raises MemoryError for results it cannot allocate; gilvm uses the
// builtin MemoryError when one exists, else OverflowError.
Value too_large(ThreadState& ts) {
  Type* t = as_type(dict_get_cstr(ts.interp, ts.interp.builtins, "MemoryError"));
  return raise(ts, t ? t : ts.interp.types.OverflowError, "integer result too large");
}

Value digits_limit_error(ThreadState& ts) {
  return raise_fmt(ts, ts.interp.types.ValueError,
                   "Exceeds the limit ({} digits) for integer string conversion; use "
                   "sys.set_int_max_str_digits() to increase the limit",
                   kIntMaxStrDigits);
}

bool small(Value v) { return v.is_int() || v.is_bool(); }

// int-like -> double, OverflowError "int too large to convert to float".
bool int_to_double(ThreadState& ts, Value v, double& out) {
  if (small(v)) {
    out = static_cast<double>(v.as_int());
    return true;
  }
  bool overflow = false;
  out = to_bigint(v).to_double(&overflow);
  if (overflow) {
    raise(ts, ts.interp.types.OverflowError, "int too large to convert to float");
    return false;
  }
  return true;
}

bool pow_i64(std::int64_t b, std::uint64_t e, std::int64_t& out) {
  std::int64_t r = 1;
  for (;;) {
    if ((e & 1) && __builtin_mul_overflow(r, b, &r)) return false;
    e >>= 1;
    if (e == 0) break;
    if (__builtin_mul_overflow(b, b, &b)) return false;
  }
  out = r;
  return true;
}

// Python's modulo of a BigInt by a positive BigInt: in [0, m).
BigInt mod_floor(const BigInt& a, const BigInt& m) {
  BigInt r;
  BigInt::divmod(a, m, nullptr, &r);
  return r;
}

// The inverse of a modulo m (m > 0), or false when gcd(a, m) != 1.
bool mod_inverse(const BigInt& a, const BigInt& m, BigInt& out) {
  BigInt old_r = mod_floor(a, m), r = m;
  BigInt old_s(1), s(0);
  while (!r.is_zero()) {
    BigInt q;
    BigInt::divmod(old_r, r, &q, nullptr);
    BigInt nr = old_r - q * r;
    old_r = r;
    r = nr;
    BigInt ns = old_s - q * s;
    old_s = s;
    s = ns;
  }
  if (!(old_r == BigInt(1))) {
    // m == 1: everything is congruent to 0, and CPython answers 0.
    if (m == BigInt(1)) {
      out = BigInt(0);
      return true;
    }
    return false;
  }
  out = mod_floor(old_s, m);
  return true;
}

Value int_from_i64_or_big(ThreadState& ts, const BigInt& b) { return new_int(ts, b); }

// Digits of |v| in `base` (no sign).
std::string magnitude(Value v, int base) {
  if (small(v)) {
    std::int64_t x = v.as_int();
    std::uint64_t m = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, m, base);
    return std::string(buf, r.ptr);
  }
  return to_bigint(v).abs().to_string(base);
}

bool is_negative(Value v) {
  if (small(v)) return v.as_int() < 0;
  return to_bigint(v).is_negative();
}

// Pads one character as a number is padded (format 'c'): default '>'.
std::string pad_number(std::string body, const text::FormatSpec& fs) {
  if (fs.width <= 1) return body;
  std::string fill;
  text::utf8_append(fill, fs.fill);
  std::size_t pad = static_cast<std::size_t>(fs.width - 1);
  char align = fs.align ? fs.align : '>';
  std::size_t left = 0;
  if (align == '>' || align == '=') left = pad;
  else if (align == '^') left = pad / 2;
  std::string out;
  for (std::size_t i = 0; i < left; ++i) out += fill;
  out += body;
  for (std::size_t i = left; i < pad; ++i) out += fill;
  return out;
}

}  // namespace

std::string int_to_string(ThreadState& ts, Value v, int base, bool& ok) {
  ok = true;
  if (small(v)) {
    char buf[72];
    auto r = std::to_chars(buf, buf + sizeof buf, v.as_int(), base);
    return std::string(buf, r.ptr);
  }
  BigInt b = to_bigint(v);
  if (base == 10 && b.decimal_digits_estimate() > kIntMaxStrDigits + 1) {
    digits_limit_error(ts);
    ok = false;
    return {};
  }
  std::string s = b.to_string(base);
  if (base == 10 && s.size() - (b.is_negative() ? 1 : 0) > kIntMaxStrDigits) {
    digits_limit_error(ts);
    ok = false;
    return {};
  }
  return s;
}

Value int_pow(ThreadState& ts, Value base, Value exp, Value mod) {
  const bool has_mod = !(mod.is_null() || mod.is_none());
  if (!is_int_like(base) || !is_int_like(exp) || (has_mod && !is_int_like(mod))) {
    if (has_mod)
      return raise(ts, ts.interp.types.TypeError,
                   "pow() 3rd argument not allowed unless all arguments are integers");
    return raise_fmt(ts, ts.interp.types.TypeError,
                     "unsupported operand type(s) for ** or pow(): '{}' and '{}'", type_name(ts, base),
                     type_name(ts, exp));
  }
  const bool exp_neg = is_negative(exp);
  if (has_mod) {
    BigInt m = to_bigint(mod);
    if (m.is_zero()) return raise(ts, ts.interp.types.ValueError, "pow() 3rd argument cannot be 0");
    // Small fast path: everything fits and |m| < 2**62.
    if (small(base) && small(exp) && small(mod) && !exp_neg) {
      std::int64_t mm = mod.as_int();
      std::int64_t am = mm < 0 ? -mm : mm;
      if (am < (std::int64_t{1} << 62)) {
        std::int64_t b = base.as_int() % am;
        if (b < 0) b += am;
        std::uint64_t e = static_cast<std::uint64_t>(exp.as_int());
        __int128 r = 1 % am, x = b;
        while (e) {
          if (e & 1) r = r * x % am;
          x = x * x % am;
          e >>= 1;
        }
        std::int64_t res = static_cast<std::int64_t>(r);
        if (mm < 0 && res != 0) res -= am;
        return Value::from_int(res);
      }
    }
    BigInt b = to_bigint(base), e = to_bigint(exp);
    if (exp_neg) {
      BigInt am = m.abs(), inv;
      if (!mod_inverse(b, am, inv))
        return raise(ts, ts.interp.types.ValueError, "base is not invertible for the given modulus");
      b = inv;
      e = -e;
    }
    return new_int(ts, BigInt::pow_mod(b, e, m));
  }
  if (exp_neg) {
    double bd, ed;
    if (!int_to_double(ts, base, bd) || !int_to_double(ts, exp, ed)) return Value::fail();
    if (bd == 0.0)
      return raise(ts, ts.interp.types.ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return Value::from_float(std::pow(bd, ed));
  }
  // exp >= 0.
  if (small(base)) {
    std::int64_t b = base.as_int();
    if (b == 0) return Value::from_int(is_negative(exp) || to_bigint(exp).is_zero() ? 1 : 0);
    if (b == 1) return Value::from_int(1);
    if (b == -1) return Value::from_int(to_bigint(exp).is_odd() ? -1 : 1);
    if (small(exp)) {
      std::int64_t r;
      if (pow_i64(b, static_cast<std::uint64_t>(exp.as_int()), r)) return Value::from_int(r);
    }
  }
  if (!small(exp)) return too_large(ts);  // |base| >= 2 and exp >= 2**63
  std::uint64_t e = static_cast<std::uint64_t>(exp.as_int());
  BigInt b = to_bigint(base);
  if (e == 0) return Value::from_int(1);
  // Result size bound: about bit_length(base) * e bits.
  unsigned __int128 bits = static_cast<unsigned __int128>(b.bit_length()) * e;
  if (bits > (static_cast<unsigned __int128>(1) << 34)) return too_large(ts);
  return new_int(ts, b.pow(e));
}

Value float_round(ThreadState& ts, double x, Value ndigits) {
  if (ndigits.is_null() || ndigits.is_none()) {
    double r = text::round_half_even(x);
    if (std::isinf(r)) return raise(ts, ts.interp.types.OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(r)) return raise(ts, ts.interp.types.ValueError, "cannot convert float NaN to integer");
    if (r >= -9223372036854775808.0 && r < 9223372036854775808.0)
      return Value::from_int(static_cast<std::int64_t>(r));
    return new_int(ts, BigInt::from_double(r));
  }
  std::int64_t n;
  if (BigIntObj* big = as_bigint(ndigits)) {
    n = big->v.is_negative() ? INT64_MIN : INT64_MAX;
  } else {
    std::optional<std::int64_t> i = to_index(ts, ndigits);
    if (!i) return Value::fail();
    n = *i;
  }
  double out;
  if (!text::round_float(x, n, out))
    return raise(ts, ts.interp.types.OverflowError, "rounded value too large to represent");
  return Value::from_float(out);
}

Value int_round(ThreadState& ts, Value x, Value ndigits) {
  Value as_int = small(x) ? Value::from_int(x.as_int()) : x;  // round(True) is 1
  if (ndigits.is_null() || ndigits.is_none()) return as_int;
  std::int64_t n;
  if (BigIntObj* big = as_bigint(ndigits)) {
    if (!big->v.is_negative()) return as_int;
    return Value::from_int(0);
  }
  std::optional<std::int64_t> i = to_index(ts, ndigits);
  if (!i) return Value::fail();
  n = *i;
  if (n >= 0) return as_int;
  // Nearest multiple of 10**-n, ties to even (_PyLong_DivmodNear).
  BigInt v = to_bigint(x);
  std::uint64_t k = static_cast<std::uint64_t>(-(n + 1)) + 1;
  if (k > v.decimal_digits_estimate() + 1) return Value::from_int(0);
  BigInt m = BigInt(10).pow(k);
  BigInt q, r;
  BigInt::divmod(v, m, &q, &r);
  BigInt twice = r + r;
  int c = BigInt::compare(twice, m);
  if (c > 0 || (c == 0 && q.is_odd())) q = q + BigInt(1);
  return new_int(ts, q * m);
}

Value int_format(ThreadState& ts, Value v, std::string_view spec) {
  if (spec.empty()) {
    if (v.is_bool()) return new_str(ts, v.as_bool() ? "True" : "False");
    bool ok;
    std::string s = int_to_string(ts, v, 10, ok);
    if (!ok) return Value::fail();
    return new_str(ts, std::move(s));
  }
  text::FormatSpec fs;
  std::string err, out;
  if (!text::parse_format_spec(spec, fs, err, "int")) return raise(ts, ts.interp.types.ValueError, err);
  if (fs.type == 'c') {
    if (fs.precision != -1)
      return raise(ts, ts.interp.types.ValueError, "Precision not allowed in integer format specifier");
    if (fs.sign != 0)
      return raise(ts, ts.interp.types.ValueError, "Sign not allowed with integer format specifier 'c'");
    if (fs.alternate)
      return raise(ts, ts.interp.types.ValueError,
                   "Alternate form (#) not allowed with integer format specifier 'c'");
    if (!small(v)) return raise(ts, ts.interp.types.OverflowError, "Python int too large to convert to C long");
    if (v.as_int() < 0 || v.as_int() > 0x10FFFF)
      return raise(ts, ts.interp.types.OverflowError, "%c arg not in range(0x110000)");
    std::string ch;
    text::utf8_append(ch, static_cast<char32_t>(v.as_int()));
    return new_str(ts, pad_number(std::move(ch), fs));
  }
  if (text::is_float_presentation(fs.type)) {
    double d;
    if (!int_to_double(ts, v, d)) return Value::fail();
    if (!text::format_float(d, fs, out, err, "int")) return raise(ts, ts.interp.types.ValueError, err);
    return new_str(ts, std::move(out));
  }
  bool too_long = false;
  auto digits = [&](int base) {
    std::string m = magnitude(v, base);
    if (base == 10 && m.size() > kIntMaxStrDigits) too_long = true;
    return m;
  };
  if (!text::format_int(is_negative(v), digits, fs, out, err, "int"))
    return raise(ts, ts.interp.types.ValueError, err);
  if (too_long) return digits_limit_error(ts);
  return new_str(ts, std::move(out));
}

Value float_format(ThreadState& ts, double x, std::string_view spec) {
  if (spec.empty()) return new_str(ts, text::float_repr(x));
  text::FormatSpec fs;
  std::string err, out;
  if (!text::parse_format_spec(spec, fs, err, "float")) return raise(ts, ts.interp.types.ValueError, err);
  if (!text::format_float(x, fs, out, err, "float")) return raise(ts, ts.interp.types.ValueError, err);
  return new_str(ts, std::move(out));
}

Value str_format_spec(ThreadState& ts, Str* s, std::string_view spec) {
  if (spec.empty()) return Value::from_obj(s);
  text::FormatSpec fs;
  std::string err, out;
  if (!text::parse_format_spec(spec, fs, err, "str")) return raise(ts, ts.interp.types.ValueError, err);
  if (!text::format_str(s->s, fs, out, err, "str")) return raise(ts, ts.interp.types.ValueError, err);
  return new_str(ts, std::move(out));
}

Value int_from_text(ThreadState& ts, std::string_view input, int base, Value original) {
  auto invalid = [&]() -> Value {
    Str* r = repr(ts, original);
    if (!r) return Value::fail();
    std::string_view shown = r->s;
    // CPython shows at most 200 characters of the literal.
    std::string clipped;
    if (r->length > 200) {
      clipped = std::string(shown.substr(0, text::utf8_offset_of(shown, 200)));
      shown = clipped;
    }
    return raise_fmt(ts, ts.interp.types.ValueError, "invalid literal for int() with base {}: {}", base, shown);
  };
  // Non-ASCII text: Unicode spaces become ' ', decimal digits of any script
  // become ASCII digits, anything else is invalid
  // (_PyUnicode_TransformDecimalAndSpaceToASCII).
  std::string transformed;
  std::string_view t = input;
  if (as_str(original) && !text::is_ascii(input)) {
    for (std::size_t i = 0; i < input.size();) {
      char32_t c = text::utf8_decode_at(input, i);
      if (c < 0x80)
        transformed.push_back(static_cast<char>(c));
      else if (text::is_space(c))
        transformed.push_back(' ');
      else if (int d = text::decimal_value(c); d >= 0)
        transformed.push_back(static_cast<char>('0' + d));
      else
        transformed.push_back('?');
    }
    t = transformed;
  }
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); };
  std::size_t i = 0, n = t.size();
  while (i < n && space(t[i])) ++i;
  while (n > i && space(t[n - 1])) --n;
  t = t.substr(i, n - i);
  i = 0;
  n = t.size();
  bool neg = false;
  if (i < n && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
  int b = base;
  bool prefixed = false;
  auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
  if (i + 1 < n && t[i] == '0') {
    char p = lower(t[i + 1]);
    if ((p == 'x' && (b == 16 || b == 0)) || (p == 'o' && (b == 8 || b == 0)) || (p == 'b' && (b == 2 || b == 0))) {
      b = p == 'x' ? 16 : p == 'o' ? 8 : 2;
      i += 2;
      prefixed = true;
    }
  }
  const bool base0_decimal = b == 0;
  if (b == 0) b = 10;
  // Digits, with single underscores between them (or right after a prefix).
  std::string digits;
  digits.reserve(n - i);
  bool prev_underscore = false;
  for (std::size_t k = i; k < n; ++k) {
    char c = t[k];
    if (c == '_') {
      if (prev_underscore || (digits.empty() && !prefixed)) return invalid();
      prev_underscore = true;
      continue;
    }
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (lower(c) >= 'a' && lower(c) <= 'z') d = lower(c) - 'a' + 10;
    if (d < 0 || d >= b) return invalid();
    digits.push_back(c);
    prev_underscore = false;
  }
  if (digits.empty() || prev_underscore) return invalid();
  // Base 0 forbids leading zeros in a nonzero decimal ("010").
  if (base0_decimal && digits[0] == '0' && digits.find_first_not_of('0') != std::string::npos) return invalid();
  if ((b & (b - 1)) != 0 && digits.size() > kIntMaxStrDigits)
    return raise_fmt(ts, ts.interp.types.ValueError,
                     "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use "
                     "sys.set_int_max_str_digits() to increase the limit",
                     kIntMaxStrDigits, digits.size());
  if (digits.size() <= 18 && b == 10) {
    std::int64_t x = 0;
    for (char c : digits) x = x * 10 + (c - '0');
    return Value::from_int(neg ? -x : x);
  }
  std::optional<BigInt> r = BigInt::from_digits(digits, b, neg);
  if (!r) return invalid();
  return int_from_i64_or_big(ts, *r);
}

}  // namespace gilvm
