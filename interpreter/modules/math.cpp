// modules/math.cpp — the math module.
//
// Design. Most functions are a C library call wrapped by math_1/math_2, which
// apply CPython's error rule (Modules/mathmodule.c, math_1): a NaN result
// from a non-NaN argument is a domain error (ValueError "math domain error");
// an infinite result from a finite argument is a range error (OverflowError
// "math range error") for functions that can overflow (exp, cosh, ...) and a
// domain error for the others (log1p(-1), atanh(1)). Arguments are converted
// as CPython's PyFloat_AsDouble does: floats, ints (a huge int raises
// OverflowError "int too large to convert to float"), and objects with
// __float__; anything else is TypeError "must be real number, not str".
//
// The integer functions (factorial, gcd, lcm, isqrt, comb, perm, floor/ceil
// of huge floats) work on BigInt so they are exact at any size. fsum is
// Shewchuk's exact-partials algorithm, as CPython's math_fsum; log of an int
// too large for a double goes through its bit length (x = m * 2**e), as
// CPython's loghelper does, so math.log(10**400) works.

#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "modules/registry.h"
#include "vm/api.h"
#include "vm/iterate.h"

namespace gilvm {

namespace {

using front::BinOp;

Value domain_error(ThreadState& ts) { return raise(ts, ts.interp.types.ValueError, "math domain error"); }
Value range_error(ThreadState& ts) { return raise(ts, ts.interp.types.OverflowError, "math range error"); }

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

bool one_arg(ThreadState& ts, const Args& a, const char* name) {
  if (a.nkw != 0) {
    raise_fmt(ts, ts.interp.types.TypeError, "math.{}() takes no keyword arguments", name);
    return false;
  }
  if (a.size() != 1) {
    raise_fmt(ts, ts.interp.types.TypeError, "math.{}() takes exactly one argument ({} given)",
              name, a.size());
    return false;
  }
  return true;
}

bool n_args(ThreadState& ts, const Args& a, const char* name, std::size_t min, std::size_t max) {
  if (a.nkw != 0) {
    raise_fmt(ts, ts.interp.types.TypeError, "{}() takes no keyword arguments", name);
    return false;
  }
  std::size_t n = a.size();
  if (n < min || n > max) {
    bool few = n < min;
    std::size_t want = few ? min : max;
    raise_fmt(ts, ts.interp.types.TypeError, "{} expected {}{} argument{}, got {}", name,
              min == max ? "" : (few ? "at least " : "at most "), want, want == 1 ? "" : "s", n);
    return false;
  }
  return true;
}

// PyFloat_AsDouble for math functions.
bool arg_double(ThreadState& ts, Value v, double& out) {
  if (v.is_float()) {
    out = v.as_float();
    return true;
  }
  if (v.is_int()) {
    out = static_cast<double>(v.as_int());
    return true;
  }
  if (v.is_bool()) {
    out = v.as_bool() ? 1.0 : 0.0;
    return true;
  }
  if (BigIntObj* b = as_bigint(v)) {
    bool overflow = false;
    out = b->v.to_double(&overflow);
    if (overflow) {
      raise(ts, ts.interp.types.OverflowError, "int too large to convert to float");
      return false;
    }
    return true;
  }
  Type* t = type_of(ts, v);
  Value m = type_lookup(t, ts.interp.names.__float__);
  if (!m.is_null()) {
    Value r = call(ts, m, std::span<const Value>(&v, 1));
    if (r.is_fail()) return false;
    if (!r.is_float()) {
      raise_fmt(ts, ts.interp.types.TypeError, "{}.__float__ returned non-float (type {})",
                t->name->s, type_name(ts, r));
      return false;
    }
    out = r.as_float();
    return true;
  }
  Value idx = type_lookup(t, ts.interp.names.__index__);
  if (!idx.is_null()) {
    Value r = call(ts, idx, std::span<const Value>(&v, 1));
    if (r.is_fail()) return false;
    return arg_double(ts, r, out);
  }
  raise_fmt(ts, ts.interp.types.TypeError, "must be real number, not {}", type_name(ts, v));
  return false;
}

// An integer argument (int, bool, or __index__), as a BigInt.
bool arg_bigint(ThreadState& ts, Value v, BigInt& out) {
  if (is_int_like(v)) {
    out = to_bigint(v);
    return true;
  }
  Value m = type_lookup(type_of(ts, v), ts.interp.names.__index__);
  if (!m.is_null()) {
    Value r = call(ts, m, std::span<const Value>(&v, 1));
    if (r.is_fail()) return false;
    if (!is_int_like(r)) {
      raise_fmt(ts, ts.interp.types.TypeError, "__index__ returned non-int (type {})",
                type_name(ts, r));
      return false;
    }
    out = to_bigint(r);
    return true;
  }
  raise_fmt(ts, ts.interp.types.TypeError, "'{}' object cannot be interpreted as an integer",
            type_name(ts, v));
  return false;
}

Value float_to_int(ThreadState& ts, double d) {
  if (std::isinf(d))
    return raise(ts, ts.interp.types.OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) return raise(ts, ts.interp.types.ValueError, "cannot convert float NaN to integer");
  if (d >= -9.2e18 && d <= 9.2e18) return Value::from_int(static_cast<std::int64_t>(d));
  return new_int(ts, BigInt::from_double(d));
}

// ---------------------------------------------------------------------------
// One- and two-argument float functions
// ---------------------------------------------------------------------------

Value math_1(ThreadState& ts, const Args& a, const char* name, double (*fn)(double),
             bool can_overflow) {
  if (!one_arg(ts, a, name)) return Value::fail();
  double x;
  if (!arg_double(ts, a[0], x)) return Value::fail();
  double r = fn(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error(ts);
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error(ts) : domain_error(ts);
  return Value::from_float(r);
}

#define GILVM_MATH1(cname, pyname, fn, ovf)                 \
  Value cname(ThreadState& ts, Value self, const Args& a) { \
    return math_1(ts, a, pyname, fn, ovf);                  \
  }

double d_acos(double x) { return std::acos(x); }
double d_acosh(double x) { return std::acosh(x); }
double d_asin(double x) { return std::asin(x); }
double d_asinh(double x) { return std::asinh(x); }
double d_atan(double x) { return std::atan(x); }
double d_atanh(double x) { return std::atanh(x); }
double d_cbrt(double x) { return std::cbrt(x); }
double d_cos(double x) { return std::cos(x); }
double d_cosh(double x) { return std::cosh(x); }
double d_erf(double x) { return std::erf(x); }
double d_erfc(double x) { return std::erfc(x); }
double d_exp(double x) { return std::exp(x); }
double d_exp2(double x) { return std::exp2(x); }
double d_expm1(double x) { return std::expm1(x); }
double d_fabs(double x) { return std::fabs(x); }
double d_log1p(double x) { return std::log1p(x); }
double d_sin(double x) { return std::sin(x); }
double d_sinh(double x) { return std::sinh(x); }
double d_sqrt(double x) { return std::sqrt(x); }
double d_tan(double x) { return std::tan(x); }
double d_tanh(double x) { return std::tanh(x); }
double d_degrees(double x) { return x * (180.0 / M_PI); }
double d_radians(double x) { return x * (M_PI / 180.0); }

GILVM_MATH1(m_acos, "acos", d_acos, false)
GILVM_MATH1(m_acosh, "acosh", d_acosh, false)
GILVM_MATH1(m_asin, "asin", d_asin, false)
GILVM_MATH1(m_asinh, "asinh", d_asinh, false)
GILVM_MATH1(m_atan, "atan", d_atan, false)
GILVM_MATH1(m_atanh, "atanh", d_atanh, false)
GILVM_MATH1(m_cbrt, "cbrt", d_cbrt, false)
GILVM_MATH1(m_cos, "cos", d_cos, false)
GILVM_MATH1(m_cosh, "cosh", d_cosh, true)
GILVM_MATH1(m_erf, "erf", d_erf, false)
GILVM_MATH1(m_erfc, "erfc", d_erfc, false)
GILVM_MATH1(m_exp, "exp", d_exp, true)
GILVM_MATH1(m_exp2, "exp2", d_exp2, true)
GILVM_MATH1(m_expm1, "expm1", d_expm1, true)
GILVM_MATH1(m_fabs, "fabs", d_fabs, false)
GILVM_MATH1(m_log1p, "log1p", d_log1p, false)
GILVM_MATH1(m_sin, "sin", d_sin, false)
GILVM_MATH1(m_sinh, "sinh", d_sinh, true)
GILVM_MATH1(m_sqrt, "sqrt", d_sqrt, false)
GILVM_MATH1(m_tan, "tan", d_tan, false)
GILVM_MATH1(m_tanh, "tanh", d_tanh, false)
GILVM_MATH1(m_degrees, "degrees", d_degrees, true)
GILVM_MATH1(m_radians, "radians", d_radians, true)
#undef GILVM_MATH1

// gamma and lgamma: poles at the non-positive integers are domain errors.
Value gamma_like(ThreadState& ts, const Args& a, const char* name, bool log) {
  if (!one_arg(ts, a, name)) return Value::fail();
  double x;
  if (!arg_double(ts, a[0], x)) return Value::fail();
  if (std::isnan(x)) return Value::from_float(x);
  if (std::isinf(x)) {
    if (log) return Value::from_float(INFINITY);
    if (x < 0) return domain_error(ts);
    return Value::from_float(x);
  }
  if (x <= 0 && x == std::floor(x)) return domain_error(ts);
  double r = log ? std::lgamma(x) : std::tgamma(x);
  if (std::isinf(r)) return range_error(ts);
  return Value::from_float(r);
}

Value m_gamma(ThreadState& ts, Value self, const Args& a) { return gamma_like(ts, a, "gamma", false); }
Value m_lgamma(ThreadState& ts, Value self, const Args& a) { return gamma_like(ts, a, "lgamma", true); }

Value m_isfinite(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "isfinite")) return Value::fail();
  double x;
  if (!arg_double(ts, a[0], x)) return Value::fail();
  return Value::from_bool(std::isfinite(x));
}

Value m_isinf(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "isinf")) return Value::fail();
  double x;
  if (!arg_double(ts, a[0], x)) return Value::fail();
  return Value::from_bool(std::isinf(x));
}

Value m_isnan(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "isnan")) return Value::fail();
  double x;
  if (!arg_double(ts, a[0], x)) return Value::fail();
  return Value::from_bool(std::isnan(x));
}

bool two_doubles(ThreadState& ts, const Args& a, const char* name, double& x, double& y) {
  return n_args(ts, a, name, 2, 2) && arg_double(ts, a[0], x) && arg_double(ts, a[1], y);
}

Value m_atan2(ThreadState& ts, Value self, const Args& a) {
  double y, x;
  if (!two_doubles(ts, a, "atan2", y, x)) return Value::fail();
  return Value::from_float(std::atan2(y, x));
}

Value m_copysign(ThreadState& ts, Value self, const Args& a) {
  double x, y;
  if (!two_doubles(ts, a, "copysign", x, y)) return Value::fail();
  return Value::from_float(std::copysign(x, y));
}

Value m_fmod(ThreadState& ts, Value self, const Args& a) {
  double x, y;
  if (!two_doubles(ts, a, "fmod", x, y)) return Value::fail();
  if (std::isinf(y) && std::isfinite(x)) return Value::from_float(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
  return Value::from_float(r);
}

Value m_remainder(ThreadState& ts, Value self, const Args& a) {
  double x, y;
  if (!two_doubles(ts, a, "remainder", x, y)) return Value::fail();
  if (std::isnan(x)) return Value::from_float(x);
  if (std::isnan(y)) return Value::from_float(y);
  if (std::isinf(x) || y == 0.0) return domain_error(ts);
  return Value::from_float(std::remainder(x, y));
}

Value m_nextafter(ThreadState& ts, Value self, const Args& a) {
  double x, y;
  if (!two_doubles(ts, a, "nextafter", x, y)) return Value::fail();
  return Value::from_float(std::nextafter(x, y));
}

Value m_ulp(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "ulp")) return Value::fail();
  double x;
  if (!arg_double(ts, a[0], x)) return Value::fail();
  if (std::isnan(x)) return Value::from_float(x);
  x = std::fabs(x);
  if (std::isinf(x)) return Value::from_float(x);
  double up = std::nextafter(x, INFINITY);
  if (std::isinf(up)) return Value::from_float(x - std::nextafter(x, -INFINITY));
  return Value::from_float(up - x);
}

Value m_pow(ThreadState& ts, Value self, const Args& a) {
  double x, y;
  if (!two_doubles(ts, a, "pow", x, y)) return Value::fail();
  double r;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    // The C99 Annex F special cases, as CPython spells them out.
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0) r = odd_y ? x : std::fabs(x);
      else if (y == 0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else {  // y is infinite
      if (std::fabs(x) == 1.0) r = 1.0;
      else if (y > 0 && std::fabs(x) > 1.0) r = y;
      else if (y < 0 && std::fabs(x) < 1.0) r = -y;
      else r = 0.0;
    }
    return Value::from_float(r);
  }
  r = std::pow(x, y);
  if (std::isnan(r)) return domain_error(ts);
  if (std::isinf(r)) return x == 0.0 ? domain_error(ts) : range_error(ts);
  return Value::from_float(r);
}

Value m_modf(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "modf")) return Value::fail();
  double x;
  if (!arg_double(ts, a[0], x)) return Value::fail();
  if (std::isinf(x))
    return obj(new_tuple(ts, {Value::from_float(std::copysign(0.0, x)), Value::from_float(x)}));
  double ip;
  double fp = std::modf(x, &ip);
  return obj(new_tuple(ts, {Value::from_float(fp), Value::from_float(ip)}));
}

Value m_frexp(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "frexp")) return Value::fail();
  double x;
  if (!arg_double(ts, a[0], x)) return Value::fail();
  int e = 0;
  double m = (std::isnan(x) || std::isinf(x) || x == 0.0) ? x : std::frexp(x, &e);
  return obj(new_tuple(ts, {Value::from_float(m), Value::from_int(e)}));
}

Value m_ldexp(ThreadState& ts, Value self, const Args& a) {
  if (!n_args(ts, a, "ldexp", 2, 2)) return Value::fail();
  double x;
  if (!arg_double(ts, a[0], x)) return Value::fail();
  if (!is_int_like(a[1]))
    return raise(ts, ts.interp.types.TypeError, "Expected an int as second argument to ldexp.");
  BigInt e = to_bigint(a[1]);
  if (x == 0.0 || !std::isfinite(x)) return Value::from_float(x);
  long exp;
  if (BigInt::compare(e, BigInt(100000)) > 0) exp = 100000;
  else if (BigInt::compare(e, BigInt(-100000)) < 0) exp = -100000;
  else exp = static_cast<long>(e.to_int64());
  double r = std::ldexp(x, static_cast<int>(exp));
  if (std::isinf(r)) return range_error(ts);
  return Value::from_float(r);
}

// ---------------------------------------------------------------------------
// log
// ---------------------------------------------------------------------------

// log(x) with `fn` (log, log2, log10), for floats and ints of any size.
bool log_helper(ThreadState& ts, Value v, double (*fn)(double), double& out) {
  if (BigIntObj* b = as_bigint(v)) {
    if (b->v.sign() <= 0) {
      domain_error(ts);
      return false;
    }
    bool overflow = false;
    double d = b->v.to_double(&overflow);
    if (!overflow) {
      out = fn(d);
      return true;
    }
    // x = m * 2**e with 0.5 <= m < 1: log(x) = log(m) + log(2) * e, in
    // the order CPython's loghelper computes it.
    std::uint64_t e = b->v.bit_length();
    bool ov2 = false;
    double m = std::ldexp(b->v.shift_right(e - 64).to_double(&ov2), -64);
    out = fn(m) + fn(2.0) * static_cast<double>(e);
    return true;
  }
  if (is_int_like(v)) {
    BigInt n = to_bigint(v);
    if (n.sign() <= 0) {
      domain_error(ts);
      return false;
    }
  }
  double x;
  if (!arg_double(ts, v, x)) return false;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) {
    out = x;
    return true;
  }
  if (!(x > 0)) {
    domain_error(ts);
    return false;
  }
  out = fn(x);
  return true;
}

double d_log(double x) { return std::log(x); }
double d_log2(double x) { return std::log2(x); }
double d_log10(double x) { return std::log10(x); }

Value m_log(ThreadState& ts, Value self, const Args& a) {
  if (!n_args(ts, a, "log", 1, 2)) return Value::fail();
  double num;
  if (!log_helper(ts, a[0], d_log, num)) return Value::fail();
  if (a.size() == 1) return Value::from_float(num);
  double den;
  if (!log_helper(ts, a[1], d_log, den)) return Value::fail();
  if (den == 0.0) return raise(ts, ts.interp.types.ZeroDivisionError, "float division by zero");
  return Value::from_float(num / den);
}

Value m_log2(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "log2")) return Value::fail();
  double r;
  if (!log_helper(ts, a[0], d_log2, r)) return Value::fail();
  return Value::from_float(r);
}

Value m_log10(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "log10")) return Value::fail();
  double r;
  if (!log_helper(ts, a[0], d_log10, r)) return Value::fail();
  return Value::from_float(r);
}

// ---------------------------------------------------------------------------
// floor, ceil, trunc
// ---------------------------------------------------------------------------

Value round_to_int(ThreadState& ts, const Args& a, const char* name, const char* dunder,
                   double (*fn)(double)) {
  if (!one_arg(ts, a, name)) return Value::fail();
  Value v = a[0];
  if (v.is_float()) return float_to_int(ts, fn(v.as_float()));
  if (v.is_int()) return v;
  if (v.is_bool()) return Value::from_int(v.as_bool() ? 1 : 0);
  if (as_bigint(v) != nullptr) return v;
  Value m = type_lookup(type_of(ts, v), ts.interp.intern(dunder));
  if (!m.is_null()) return call(ts, m, std::span<const Value>(&v, 1));
  if (std::string_view(name) == "trunc")
    return raise_fmt(ts, ts.interp.types.TypeError, "type {} doesn't define __trunc__ method",
                     type_name(ts, v));
  double x;
  if (!arg_double(ts, v, x)) return Value::fail();
  return float_to_int(ts, fn(x));
}

double d_floor(double x) { return std::floor(x); }
double d_ceil(double x) { return std::ceil(x); }
double d_trunc(double x) { return std::trunc(x); }

Value m_floor(ThreadState& ts, Value self, const Args& a) {
  return round_to_int(ts, a, "floor", "__floor__", d_floor);
}
Value m_ceil(ThreadState& ts, Value self, const Args& a) {
  return round_to_int(ts, a, "ceil", "__ceil__", d_ceil);
}
Value m_trunc(ThreadState& ts, Value self, const Args& a) {
  return round_to_int(ts, a, "trunc", "__trunc__", d_trunc);
}

// ---------------------------------------------------------------------------
// Integer functions
// ---------------------------------------------------------------------------

// The product lo * (lo+1) * ... * (hi-1), by halves (binary splitting keeps
// the multiplications balanced, which Karatsuba rewards).
BigInt range_product(std::uint64_t lo, std::uint64_t hi) {
  if (hi <= lo) return BigInt(1);
  if (hi - lo <= 8) {
    BigInt r(1);
    std::uint64_t acc = 1;
    for (std::uint64_t i = lo; i < hi; ++i) {
      if (acc > (std::numeric_limits<std::uint64_t>::max() >> 1) / i) {
        r = r * BigInt::from_uint64(acc);
        acc = 1;
      }
      acc *= i;
    }
    return r * BigInt::from_uint64(acc);
  }
  std::uint64_t mid = lo + (hi - lo) / 2;
  return range_product(lo, mid) * range_product(mid, hi);
}

Value m_factorial(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "factorial")) return Value::fail();
  if (a[0].is_float())
    return raise(ts, ts.interp.types.TypeError, "'float' object cannot be interpreted as an integer");
  BigInt n;
  if (!arg_bigint(ts, a[0], n)) return Value::fail();
  if (n.is_negative())
    return raise(ts, ts.interp.types.ValueError, "factorial() not defined for negative values");
  if (!n.fits_int64())
    return raise(ts, ts.interp.types.OverflowError,
                 "factorial() argument should not exceed 9223372036854775807");
  std::uint64_t k = static_cast<std::uint64_t>(n.to_int64());
  if (k <= 20) {
    std::int64_t r = 1;
    for (std::uint64_t i = 2; i <= k; ++i) r *= static_cast<std::int64_t>(i);
    return Value::from_int(r);
  }
  return new_int(ts, range_product(2, k + 1));
}

BigInt big_gcd(BigInt x, BigInt y) {
  x = x.abs();
  y = y.abs();
  while (!y.is_zero()) {
    if (x.fits_int64() && y.fits_int64())
      return BigInt(std::gcd(x.to_int64(), y.to_int64()));
    BigInt r;
    BigInt::divmod(x, y, nullptr, &r);
    x = y;
    y = r;
  }
  return x;
}

Value m_gcd(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "gcd() takes no keyword arguments");
  BigInt g(0);
  for (std::size_t i = 0; i < a.size(); ++i) {
    BigInt x;
    if (!arg_bigint(ts, a[i], x)) return Value::fail();
    g = big_gcd(g, x);
  }
  return new_int(ts, g);
}

Value m_lcm(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "lcm() takes no keyword arguments");
  BigInt l(1);
  for (std::size_t i = 0; i < a.size(); ++i) {
    BigInt x;
    if (!arg_bigint(ts, a[i], x)) return Value::fail();
    if (l.is_zero() || x.is_zero()) {
      l = BigInt(0);
      continue;
    }
    BigInt g = big_gcd(l, x), q;
    BigInt::divmod(l.abs(), g, &q, nullptr);
    l = q * x.abs();
  }
  return new_int(ts, l);
}

// floor(sqrt(n)) for n >= 0, by Newton's iteration from above.
BigInt big_isqrt(const BigInt& n) {
  if (n.is_zero()) return n;
  if (n.fits_int64()) {
    std::uint64_t v = static_cast<std::uint64_t>(n.to_int64());
    std::uint64_t r = static_cast<std::uint64_t>(std::sqrt(static_cast<double>(v)));
    while (r > 0 && r > v / r) --r;
    while ((r + 1) <= v / (r + 1)) ++r;
    return BigInt::from_uint64(r);
  }
  BigInt x = BigInt(1).shift_left((n.bit_length() + 1) / 2 + 1);
  for (;;) {
    BigInt q;
    BigInt::divmod(n, x, &q, nullptr);
    BigInt y = (x + q).shift_right(1);
    if (BigInt::compare(y, x) >= 0) return x;
    x = y;
  }
}

Value m_isqrt(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "isqrt")) return Value::fail();
  BigInt n;
  if (!arg_bigint(ts, a[0], n)) return Value::fail();
  if (n.is_negative())
    return raise(ts, ts.interp.types.ValueError, "isqrt() argument must be nonnegative");
  return new_int(ts, big_isqrt(n));
}

// n * (n-1) * ... * (n-k+1), k small enough to loop over.
BigInt falling(const BigInt& n, std::uint64_t k) {
  if (n.fits_int64() && k > 0) {
    std::uint64_t hi = static_cast<std::uint64_t>(n.to_int64()) + 1;
    return range_product(hi - k, hi);
  }
  BigInt r(1);
  for (std::uint64_t i = 0; i < k; ++i) r = r * (n - BigInt(static_cast<std::int64_t>(i)));
  return r;
}

bool comb_args(ThreadState& ts, Value vn, Value vk, BigInt& n, BigInt& k) {
  if (!arg_bigint(ts, vn, n) || !arg_bigint(ts, vk, k)) return false;
  if (n.is_negative()) {
    raise(ts, ts.interp.types.ValueError, "n must be a non-negative integer");
    return false;
  }
  if (k.is_negative()) {
    raise(ts, ts.interp.types.ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Value m_comb(ThreadState& ts, Value self, const Args& a) {
  if (!n_args(ts, a, "comb", 2, 2)) return Value::fail();
  BigInt n, k;
  if (!comb_args(ts, a[0], a[1], n, k)) return Value::fail();
  if (BigInt::compare(k, n) > 0) return Value::from_int(0);
  BigInt nk = n - k;
  if (BigInt::compare(nk, k) < 0) k = nk;
  if (!k.fits_int64())
    return raise(ts, ts.interp.types.OverflowError,
                 "min(n - k, k) must not exceed 9223372036854775807");
  std::uint64_t kk = static_cast<std::uint64_t>(k.to_int64());
  BigInt q;
  BigInt::divmod(falling(n, kk), range_product(1, kk + 1), &q, nullptr);
  return new_int(ts, q);
}

Value m_perm(ThreadState& ts, Value self, const Args& a) {
  if (!n_args(ts, a, "perm", 1, 2)) return Value::fail();
  if (a.size() == 1 || a[1].is_none()) {
    BigInt n;
    if (!arg_bigint(ts, a[0], n)) return Value::fail();
    if (n.is_negative()) return raise(ts, ts.interp.types.ValueError, "n must be a non-negative integer");
    Value arg = a[0];
    Args one;
    one.pos = &arg;
    one.npos = 1;
    return m_factorial(ts, self, one);
  }
  BigInt n, k;
  if (!comb_args(ts, a[0], a[1], n, k)) return Value::fail();
  if (BigInt::compare(k, n) > 0) return Value::from_int(0);
  if (!k.fits_int64())
    return raise(ts, ts.interp.types.OverflowError, "k must not exceed 9223372036854775807");
  return new_int(ts, falling(n, static_cast<std::uint64_t>(k.to_int64())));
}

// ---------------------------------------------------------------------------
// Over iterables
// ---------------------------------------------------------------------------

Value m_fsum(ThreadState& ts, Value self, const Args& a) {
  if (!one_arg(ts, a, "fsum")) return Value::fail();
  Value it = get_iter(ts, a[0]);
  if (it.is_fail()) return it;
  TempRoot root(ts, it);
  std::vector<double> p;  // exact partials, increasing magnitude
  double special_sum = 0.0, inf_sum = 0.0;
  for (;;) {
    Value v = iter_next(ts, it);
    if (v.is_fail()) return v;
    if (v.is_null()) break;
    double x;
    if (!arg_double(ts, v, x)) return Value::fail();
    double xsave = x;
    std::size_t i = 0;
    for (double y : p) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave))
          return raise(ts, ts.interp.types.OverflowError, "intermediate overflow in fsum");
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(ts, ts.interp.types.ValueError, "-inf + inf in fsum");
    return Value::from_float(special_sum);
  }
  double hi = 0.0;
  std::size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Round half-even correctly when the remaining partials push it over.
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return Value::from_float(hi);
}

Value m_prod(ThreadState& ts, Value self, const Args& a) {
  Value start = a[1].is_null() ? Value::from_int(1) : a[1];
  TempRoot acc(ts, start);
  bool ok = for_each_item(ts, a[0], [&](Value x) {
    Value cur = acc.get();
    std::int64_t r;
    if (cur.is_int() && x.is_int() && !__builtin_mul_overflow(cur.as_int(), x.as_int(), &r)) {
      acc.set(Value::from_int(r));
      return true;
    }
    Value m = binary_op(ts, BinOp::Mul, cur, x);
    if (m.is_fail()) return false;
    acc.set(m);
    return true;
  });
  return ok ? acc.get() : Value::fail();
}

// sqrt(sum of squares), scaled by the largest magnitude to avoid overflow.
double vector_norm(const std::vector<double>& v) {
  double maxv = 0.0;
  bool found_nan = false;
  for (double x : v) {
    double ax = std::fabs(x);
    if (std::isnan(ax)) found_nan = true;
    if (ax > maxv) maxv = ax;
  }
  if (std::isinf(maxv)) return maxv;
  if (found_nan) return NAN;
  if (maxv == 0.0 || v.size() <= 1) return maxv;
  if (v.size() == 2) return std::hypot(v[0], v[1]);
  double sum = 0.0, comp = 0.0;
  for (double x : v) {
    double s = x / maxv;
    double y = s * s - comp;
    double t = sum + y;
    comp = (t - sum) - y;
    sum = t;
  }
  return maxv * std::sqrt(sum);
}

Value m_hypot(ThreadState& ts, Value self, const Args& a) {
  if (a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "hypot() takes no keyword arguments");
  std::vector<double> v(a.size());
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!arg_double(ts, a[i], v[i])) return Value::fail();
  return Value::from_float(vector_norm(v));
}

Value m_dist(ThreadState& ts, Value self, const Args& a) {
  if (!n_args(ts, a, "dist", 2, 2)) return Value::fail();
  std::vector<Value> p, q;
  Tuple* tp = as_tuple(a[0]);
  Tuple* tq = as_tuple(a[1]);
  List* lp = as_list(a[0]);
  List* lq = as_list(a[1]);
  if ((tp == nullptr && lp == nullptr) || (tq == nullptr && lq == nullptr))
    return raise(ts, ts.interp.types.TypeError, "dist(): both points must be sequences");
  p = tp ? tp->items : lp->items;
  q = tq ? tq->items : lq->items;
  if (p.size() != q.size())
    return raise(ts, ts.interp.types.ValueError, "both points must have the same number of dimensions");
  std::vector<double> d(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    double x, y;
    if (!arg_double(ts, p[i], x) || !arg_double(ts, q[i], y)) return Value::fail();
    d[i] = x - y;
  }
  return Value::from_float(vector_norm(d));
}

Value m_isclose(ThreadState& ts, Value self, const Args& a) {
  double rel_tol = 1e-09, abs_tol = 0.0;
  if (!a[2].is_null() && !arg_double(ts, a[2], rel_tol)) return Value::fail();
  if (!a[3].is_null() && !arg_double(ts, a[3], abs_tol)) return Value::fail();
  double x, y;
  if (!arg_double(ts, a[0], x) || !arg_double(ts, a[1], y)) return Value::fail();
  if (rel_tol < 0.0 || abs_tol < 0.0)
    return raise(ts, ts.interp.types.ValueError, "tolerances must be non-negative");
  if (x == y) return Value::from_bool(true);
  if (std::isinf(x) || std::isinf(y)) return Value::from_bool(false);
  double diff = std::fabs(y - x);
  return Value::from_bool(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) ||
                          diff <= abs_tol);
}

const MethodDef kMathFunctions[] = {
    {"acos", m_acos},
    {"acosh", m_acosh},
    {"asin", m_asin},
    {"asinh", m_asinh},
    {"atan", m_atan},
    {"atanh", m_atanh},
    {"atan2", m_atan2},
    {"cbrt", m_cbrt},
    {"ceil", m_ceil},
    {"comb", m_comb},
    {"copysign", m_copysign},
    {"cos", m_cos},
    {"cosh", m_cosh},
    {"degrees", m_degrees},
    {"dist", m_dist},
    {"erf", m_erf},
    {"erfc", m_erfc},
    {"exp", m_exp},
    {"exp2", m_exp2},
    {"expm1", m_expm1},
    {"fabs", m_fabs},
    {"factorial", m_factorial},
    {"floor", m_floor},
    {"fmod", m_fmod},
    {"frexp", m_frexp},
    {"fsum", m_fsum},
    {"gamma", m_gamma},
    {"gcd", m_gcd},
    {"hypot", m_hypot},
    {"isclose", m_isclose, "a, b, *, rel_tol=1e-09, abs_tol=0.0", Style::Keywords},
    {"isfinite", m_isfinite},
    {"isinf", m_isinf},
    {"isnan", m_isnan},
    {"isqrt", m_isqrt},
    {"lcm", m_lcm},
    {"ldexp", m_ldexp},
    {"lgamma", m_lgamma},
    {"log", m_log},
    {"log10", m_log10},
    {"log1p", m_log1p},
    {"log2", m_log2},
    {"modf", m_modf},
    {"nextafter", m_nextafter},
    {"perm", m_perm},
    {"pow", m_pow},
    {"prod", m_prod, "iterable, /, *, start=1", Style::Keywords},
    {"radians", m_radians},
    {"remainder", m_remainder},
    {"sin", m_sin},
    {"sinh", m_sinh},
    {"sqrt", m_sqrt},
    {"tan", m_tan},
    {"tanh", m_tanh},
    {"trunc", m_trunc},
    {"ulp", m_ulp},
};

}  // namespace

bool init_math_module(ThreadState& ts, Dict* d) {
  Interpreter& interp = ts.interp;
  add_functions(interp, d, kMathFunctions);
  dict_set_cstr(interp, d, "pi", Value::from_float(M_PI));
  dict_set_cstr(interp, d, "e", Value::from_float(M_E));
  dict_set_cstr(interp, d, "tau", Value::from_float(2 * M_PI));
  dict_set_cstr(interp, d, "inf", Value::from_float(std::numeric_limits<double>::infinity()));
  dict_set_cstr(interp, d, "nan", Value::from_float(std::numeric_limits<double>::quiet_NaN()));
  return true;
}

}  // namespace gilvm
