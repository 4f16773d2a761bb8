// runtime/bigint.cpp — see bigint.h for the representation and the Python
// semantics followed. The magnitude helpers in the anonymous namespace work on
// spans of limbs and know nothing about signs; the BigInt members add the
// signs and Python's rounding rules on top.
#include "runtime/bigint.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <utility>

namespace gilvm {
namespace {

using Limb = BigInt::Limb;
using DLimb = uint64_t;  // holds any limb product plus two limbs
using Limbs = std::vector<Limb>;
using LimbSpan = std::span<const Limb>;

// Below this many limbs in the shorter operand, schoolbook multiplication
// beats Karatsuba's extra additions and allocations (measured roughly; CPython
// uses 70 30-bit digits, i.e. about 65 of our limbs, for a less tuned loop).
constexpr size_t kKaratsubaThreshold = 48;

constexpr DLimb kLimbBase = DLimb{1} << 32;

LimbSpan trimmed(LimbSpan s) {
  size_t n = s.size();
  while (n > 0 && s[n - 1] == 0) --n;
  return s.first(n);
}

void trim(Limbs& v) {
  while (!v.empty() && v.back() == 0) v.pop_back();
}

// Compare normalised magnitudes.
int cmp_mag(LimbSpan a, LimbSpan b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

Limbs add_mag(LimbSpan a, LimbSpan b) {
  if (a.size() < b.size()) std::swap(a, b);
  Limbs r(a.size() + 1);
  DLimb carry = 0;
  size_t i = 0;
  for (; i < b.size(); ++i) {
    carry += DLimb{a[i]} + b[i];
    r[i] = static_cast<Limb>(carry);
    carry >>= 32;
  }
  for (; i < a.size(); ++i) {
    carry += a[i];
    r[i] = static_cast<Limb>(carry);
    carry >>= 32;
  }
  r[i] = static_cast<Limb>(carry);
  trim(r);
  return r;
}

// a - b, requires |a| >= |b|. A wrapped difference has its top bit set, which
// is the borrow.
Limbs sub_mag(LimbSpan a, LimbSpan b) {
  Limbs r(a.size());
  DLimb borrow = 0;
  size_t i = 0;
  for (; i < b.size(); ++i) {
    DLimb t = DLimb{a[i]} - b[i] - borrow;
    r[i] = static_cast<Limb>(t);
    borrow = t >> 63;
  }
  for (; i < a.size(); ++i) {
    DLimb t = DLimb{a[i]} - borrow;
    r[i] = static_cast<Limb>(t);
    borrow = t >> 63;
  }
  assert(borrow == 0);
  trim(r);
  return r;
}

// r += x * B**offset. r must be long enough for the sum (callers only add
// parts of a product into a buffer sized for the whole product).
void add_at(Limbs& r, LimbSpan x, size_t offset) {
  DLimb carry = 0;
  size_t i = 0;
  for (; i < x.size(); ++i) {
    carry += DLimb{r[offset + i]} + x[i];
    r[offset + i] = static_cast<Limb>(carry);
    carry >>= 32;
  }
  for (size_t k = offset + i; carry != 0; ++k) {
    assert(k < r.size());
    carry += r[k];
    r[k] = static_cast<Limb>(carry);
    carry >>= 32;
  }
}

// r -= x, requires r >= x; r is trimmed afterwards.
void sub_in_place(Limbs& r, LimbSpan x) {
  DLimb borrow = 0;
  size_t i = 0;
  for (; i < x.size(); ++i) {
    DLimb t = DLimb{r[i]} - x[i] - borrow;
    r[i] = static_cast<Limb>(t);
    borrow = t >> 63;
  }
  for (; borrow != 0; ++i) {
    assert(i < r.size());
    DLimb t = DLimb{r[i]} - borrow;
    r[i] = static_cast<Limb>(t);
    borrow = t >> 63;
  }
  trim(r);
}

// out[0 .. a+b) = a * b; out must be zeroed. Each step's sum
// (B-1)**2 + 2(B-1) fits in a DLimb exactly.
void mul_school(LimbSpan a, LimbSpan b, Limb* out) {
  for (size_t i = 0; i < a.size(); ++i) {
    const DLimb ai = a[i];
    if (ai == 0) continue;
    DLimb carry = 0;
    for (size_t j = 0; j < b.size(); ++j) {
      carry += ai * b[j] + out[i + j];
      out[i + j] = static_cast<Limb>(carry);
      carry >>= 32;
    }
    out[i + b.size()] = static_cast<Limb>(carry);  // not yet written by any row
  }
}

Limbs mul_mag(LimbSpan a, LimbSpan b) {
  a = trimmed(a);
  b = trimmed(b);
  if (a.empty() || b.empty()) return {};
  if (a.size() < b.size()) std::swap(a, b);
  Limbs r(a.size() + b.size(), 0);
  if (b.size() < kKaratsubaThreshold) {
    mul_school(a, b, r.data());
    trim(r);
    return r;
  }
  if (2 * b.size() <= a.size()) {
    // Lopsided: Karatsuba on halves of unequal operands wastes work, so cut
    // the long one into slices as long as the short one.
    for (size_t off = 0; off < a.size(); off += b.size()) {
      size_t len = std::min(b.size(), a.size() - off);
      Limbs part = mul_mag(a.subspan(off, len), b);
      add_at(r, part, off);
    }
    trim(r);
    return r;
  }
  // a = a1*B^m + a0, b = b1*B^m + b0 with b.size() > m, so b1 is non-empty.
  // a*b = z2*B^2m + (z1 - z2 - z0)*B^m + z0 with z1 = (a0+a1)(b0+b1).
  const size_t m = a.size() / 2;
  LimbSpan a0 = trimmed(a.first(m)), a1 = a.subspan(m);
  LimbSpan b0 = trimmed(b.first(m)), b1 = b.subspan(m);
  Limbs z0 = mul_mag(a0, b0);
  Limbs z2 = mul_mag(a1, b1);
  Limbs z1 = mul_mag(add_mag(a0, a1), add_mag(b0, b1));
  sub_in_place(z1, z0);
  sub_in_place(z1, z2);
  add_at(r, z0, 0);
  add_at(r, z1, m);
  add_at(r, z2, 2 * m);
  trim(r);
  return r;
}

// a /= d in place (a trimmed afterwards); returns a % d.
Limb divmod_small(Limbs& a, Limb d) {
  DLimb rem = 0;
  for (size_t i = a.size(); i-- > 0;) {
    DLimb cur = (rem << 32) | a[i];
    a[i] = static_cast<Limb>(cur / d);
    rem = cur % d;
  }
  trim(a);
  return static_cast<Limb>(rem);
}

// Same with a compile-time divisor, so the compiler turns the division into a
// multiplication: this is the inner loop of decimal conversion.
template <Limb D>
Limb divmod_small_const(Limbs& a) {
  DLimb rem = 0;
  for (size_t i = a.size(); i-- > 0;) {
    DLimb cur = (rem << 32) | a[i];
    a[i] = static_cast<Limb>(cur / D);
    rem = cur % D;
  }
  trim(a);
  return static_cast<Limb>(rem);
}

// a = a * mul + add in place.
void mul_small_add(Limbs& a, Limb mul, Limb add) {
  DLimb carry = add;
  for (Limb& limb : a) {
    carry += DLimb{limb} * mul;
    limb = static_cast<Limb>(carry);
    carry >>= 32;
  }
  if (carry != 0) a.push_back(static_cast<Limb>(carry));
}

// Truncating division of normalised magnitudes, v non-empty: u = q*v + r.
// q or r may be null. Knuth algorithm D (TAOCP 4.3.1), in the formulation of
// Hacker's Delight's divmnu.
void divmod_mag(LimbSpan u, LimbSpan v, Limbs* q, Limbs* r) {
  assert(!v.empty());
  if (cmp_mag(u, v) < 0) {
    if (q) q->clear();
    if (r) r->assign(u.begin(), u.end());
    return;
  }
  const size_t n = v.size(), m = u.size();
  if (n == 1) {
    Limbs qq(u.begin(), u.end());
    Limb rem = divmod_small(qq, v[0]);
    if (q) *q = std::move(qq);
    if (r) {
      r->clear();
      if (rem != 0) r->push_back(rem);
    }
    return;
  }

  // D1: shift both so the divisor's top limb has its high bit set; then each
  // estimated quotient limb is at most 2 too large. Shifts go through DLimb so
  // s == 0 needs no special case.
  const int s = std::countl_zero(v[n - 1]);
  Limbs vn(n), un(m + 1);
  for (size_t i = n - 1; i > 0; --i) {
    vn[i] = static_cast<Limb>(((DLimb{v[i]} << 32) | v[i - 1]) >> (32 - s));
  }
  vn[0] = v[0] << s;
  un[m] = static_cast<Limb>(DLimb{u[m - 1]} >> (32 - s));
  for (size_t i = m - 1; i > 0; --i) {
    un[i] = static_cast<Limb>(((DLimb{u[i]} << 32) | u[i - 1]) >> (32 - s));
  }
  un[0] = u[0] << s;

  Limbs qq(m - n + 1);
  const DLimb vtop = vn[n - 1], vnext = vn[n - 2];
  for (size_t j = m - n + 1; j-- > 0;) {
    // D3: estimate from the top two limbs of the current remainder, refine
    // with the next divisor limb.
    DLimb num = (DLimb{un[j + n]} << 32) | un[j + n - 1];
    DLimb qhat = num / vtop;
    DLimb rhat = num % vtop;
    while (qhat >= kLimbBase || qhat * vnext > ((rhat << 32) | un[j + n - 2])) {
      --qhat;
      rhat += vtop;
      if (rhat >= kLimbBase) break;
    }
    // D4: un[j .. j+n] -= qhat * vn. qhat < B here, so each product plus the
    // running carry fits a DLimb.
    DLimb carry = 0, borrow = 0;
    for (size_t i = 0; i < n; ++i) {
      DLimb p = qhat * vn[i] + carry;
      carry = p >> 32;
      DLimb t = DLimb{un[i + j]} - static_cast<Limb>(p) - borrow;
      un[i + j] = static_cast<Limb>(t);
      borrow = t >> 63;
    }
    DLimb t = DLimb{un[j + n]} - carry - borrow;
    un[j + n] = static_cast<Limb>(t);
    if (t >> 63) {
      // D6: qhat was one too large (probability about 2/B): add vn back.
      --qhat;
      DLimb c = 0;
      for (size_t i = 0; i < n; ++i) {
        c += DLimb{un[i + j]} + vn[i];
        un[i + j] = static_cast<Limb>(c);
        c >>= 32;
      }
      un[j + n] = static_cast<Limb>(un[j + n] + c);
    }
    qq[j] = static_cast<Limb>(qhat);
  }
  if (q) {
    trim(qq);
    *q = std::move(qq);
  }
  if (r) {
    // D8: unnormalise the remainder.
    r->assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      (*r)[i] = static_cast<Limb>(((DLimb{un[i + 1]} << 32) | un[i]) >> s);
    }
    trim(*r);
  }
}

uint64_t bit_length_mag(LimbSpan a) {
  if (a.empty()) return 0;
  return (a.size() - 1) * uint64_t{32} + (32 - std::countl_zero(a.back()));
}

// Low 64 bits of the magnitude.
uint64_t low_u64(LimbSpan a) {
  uint64_t v = 0;
  if (a.size() > 0) v = a[0];
  if (a.size() > 1) v |= uint64_t{a[1]} << 32;
  return v;
}

Limbs limbs_from_u64(uint64_t v) {
  Limbs r;
  if (v != 0) r.push_back(static_cast<Limb>(v));
  if (v >> 32) r.push_back(static_cast<Limb>(v >> 32));
  return r;
}

// (a >> shift) truncated to 64 bits; *sticky says whether any bit below
// `shift` is set. Used when the shifted value is known to fit.
uint64_t bits_above(LimbSpan a, uint64_t shift, bool* sticky) {
  const size_t ls = static_cast<size_t>(shift / 32);
  const int bs = static_cast<int>(shift % 32);
  unsigned __int128 acc = 0;
  for (size_t k = 0; k < 3 && ls + k < a.size(); ++k) {
    acc |= static_cast<unsigned __int128>(a[ls + k]) << (32 * k);
  }
  bool lost = ls < a.size() && (a[ls] & ((Limb{1} << bs) - 1)) != 0;
  for (size_t i = 0; !lost && i < ls && i < a.size(); ++i) lost = a[i] != 0;
  *sticky = lost;
  return static_cast<uint64_t>(acc >> bs);
}

Limbs shl_mag(LimbSpan a, uint64_t n) {
  if (a.empty()) return {};
  const size_t ls = static_cast<size_t>(n / 32);
  const int bs = static_cast<int>(n % 32);
  Limbs r(a.size() + ls + 1, 0);
  for (size_t i = 0; i < a.size(); ++i) {
    DLimb v = DLimb{a[i]} << bs;
    r[i + ls] |= static_cast<Limb>(v);
    r[i + ls + 1] |= static_cast<Limb>(v >> 32);
  }
  trim(r);
  return r;
}

// Truncating shift; *lost (if given) says whether a set bit fell off.
Limbs shr_mag(LimbSpan a, uint64_t n, bool* lost) {
  if (n >= bit_length_mag(a)) {
    if (lost) *lost = !a.empty();
    return {};
  }
  const size_t ls = static_cast<size_t>(n / 32);
  const int bs = static_cast<int>(n % 32);
  Limbs r(a.size() - ls);
  for (size_t i = 0; i < r.size(); ++i) {
    DLimb hi = i + ls + 1 < a.size() ? a[i + ls + 1] : 0;
    r[i] = static_cast<Limb>(((hi << 32) | a[i + ls]) >> bs);
  }
  if (lost) {
    bool any = (a[ls] & ((Limb{1} << bs) - 1)) != 0;
    for (size_t i = 0; !any && i < ls; ++i) any = a[i] != 0;
    *lost = any;
  }
  trim(r);
  return r;
}

// x mod m for a magnitude x and a normalised non-empty m.
Limbs mod_mag(LimbSpan x, LimbSpan m) {
  Limbs r;
  divmod_mag(trimmed(x), m, nullptr, &r);
  return r;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// log2(base) for a power-of-two base, else 0.
int pow2_bits(int base) {
  return std::has_single_bit(static_cast<unsigned>(base)) ? std::countr_zero(static_cast<unsigned>(base)) : 0;
}

// x in two's complement over n limbs (n > x's limb count, so the top limb
// carries the sign).
Limbs twos_complement(LimbSpan mag, bool negative, size_t n) {
  Limbs t(n, 0);
  std::copy(mag.begin(), mag.end(), t.begin());
  if (negative) {
    DLimb carry = 1;
    for (Limb& limb : t) {
      carry += static_cast<Limb>(~limb);
      limb = static_cast<Limb>(carry);
      carry >>= 32;
    }
  }
  return t;
}

// Below this many limbs, decimal conversion is plain repeated short division
// by 10**9 (quadratic, but a tight loop); above it, divide and conquer.
constexpr size_t kDecimalLeafLimbs = 48;

// Appends x in `base` (2..36) by repeated short division by the largest
// power of the base below 2**32. Pads with zeros to `width` digits when width
// is non-zero (and then writes nothing but zeros for x == 0).
void append_digits_short(LimbSpan x, int base, size_t width, std::string& out) {
  Limbs t(x.begin(), x.end());
  trim(t);
  std::vector<Limb> chunks;  // least significant first
  int chunk = 9;
  if (base == 10) {
    chunks.reserve(t.size() * 32 / 29 + 1);
    while (!t.empty()) chunks.push_back(divmod_small_const<1000000000>(t));
  } else {
    chunk = 1;
    Limb chunk_div = base;
    while (DLimb{chunk_div} * base < kLimbBase) {
      chunk_div *= base;
      ++chunk;
    }
    while (!t.empty()) chunks.push_back(divmod_small(t, chunk_div));
  }
  if (chunks.empty() && width == 0) chunks.push_back(0);
  char buf[32];
  size_t written = 0;
  std::string digits;
  digits.reserve(chunks.size() * chunk);
  for (size_t i = chunks.size(); i-- > 0;) {
    Limb c = chunks[i];
    int len = 0;
    do {
      buf[len++] = kDigitChars[c % base];
      c /= base;
    } while (c != 0);
    if (i + 1 != chunks.size()) {
      while (len < chunk) buf[len++] = '0';  // inner chunks are zero-padded
    }
    written += len;
    while (len > 0) digits.push_back(buf[--len]);
  }
  if (written < width) out.append(width - written, '0');
  out += digits;
}

// Appends x in decimal, zero-padded to `width` digits when width is
// non-zero. pow10[j] == 10**(9 * 2**j). Splitting at a power about half the
// size of x, x = hi * 10**k + lo, makes each level one Knuth division whose
// inner loop pipelines, instead of the latency-bound chain of short
// divisions: about 4x faster at 10,000 digits.
void append_decimal_dc(LimbSpan x, size_t width, std::span<const Limbs> pow10, std::string& out) {
  x = trimmed(x);
  size_t j = pow10.size();
  while (j > 0 && pow10[j - 1].size() * 2 > x.size() + 1) --j;
  if (x.size() <= kDecimalLeafLimbs || j == 0) {
    append_digits_short(x, 10, width, out);
    return;
  }
  --j;
  const size_t low_digits = size_t{9} << j;
  Limbs hi, lo;
  divmod_mag(x, pow10[j], &hi, &lo);
  append_decimal_dc(hi, width > low_digits ? width - low_digits : 0, pow10, out);
  append_decimal_dc(lo, low_digits, pow10, out);
}

}  // namespace

// ---------------------------------------------------------------------------
// Construction and conversion

BigInt::BigInt(std::vector<Limb> mag, bool negative) : mag_(std::move(mag)) {
  trim(mag_);
  neg_ = negative && !mag_.empty();
}

BigInt::BigInt(int64_t v)
    : BigInt(limbs_from_u64(v < 0 ? uint64_t{0} - static_cast<uint64_t>(v)
                                   : static_cast<uint64_t>(v)),
             v < 0) {}

BigInt BigInt::from_uint64(uint64_t v) { return BigInt(limbs_from_u64(v), false); }

std::optional<BigInt> BigInt::from_digits(std::string_view digits, int base, bool negative) {
  if (digits.empty() || base < 2 || base > 36) return std::nullopt;
  for (char c : digits) {
    if (digit_value(c) >= base) return std::nullopt;
  }
  Limbs mag;
  if (int w = pow2_bits(base)) {
    // Linear: pack w bits per digit from the least significant end.
    mag.assign((digits.size() * w + 31) / 32, 0);
    uint64_t pos = 0;
    for (size_t i = digits.size(); i-- > 0; pos += w) {
      DLimb d = static_cast<DLimb>(digit_value(digits[i])) << (pos % 32);
      mag[pos / 32] |= static_cast<Limb>(d);
      if ((d >> 32) != 0) mag[pos / 32 + 1] |= static_cast<Limb>(d >> 32);
    }
  } else {
    // Take as many digits at a time as keep base**k below 2**32.
    int chunk = 1;
    Limb chunk_mul = base;
    while (DLimb{chunk_mul} * base < kLimbBase) {
      chunk_mul *= base;
      ++chunk;
    }
    size_t i = 0;
    while (i < digits.size()) {
      size_t k = std::min<size_t>(chunk, digits.size() - i);
      Limb mul = 1, add = 0;
      for (size_t j = 0; j < k; ++j) {
        mul *= base;
        add = add * base + digit_value(digits[i + j]);
      }
      mul_small_add(mag, mul, add);
      i += k;
    }
  }
  return BigInt(std::move(mag), negative);
}

BigInt BigInt::from_double(double d) {
  const bool negative = d < 0;
  d = std::fabs(d);
  if (d < 1.0) return BigInt();
  int e;
  double frac = std::frexp(d, &e);  // d = frac * 2**e, frac in [0.5, 1)
  uint64_t mant = static_cast<uint64_t>(std::ldexp(frac, 53));  // exact
  int shift = e - 53;
  Limbs mag = limbs_from_u64(mant);
  mag = shift >= 0 ? shl_mag(mag, shift) : shr_mag(mag, -shift, nullptr);
  return BigInt(std::move(mag), negative);
}

bool BigInt::fits_int64() const {
  if (mag_.size() > 2) return false;
  uint64_t m = low_u64(mag_);
  return neg_ ? m <= (uint64_t{1} << 63) : m < (uint64_t{1} << 63);
}

int64_t BigInt::to_int64() const {
  uint64_t m = low_u64(mag_);
  return neg_ ? static_cast<int64_t>(uint64_t{0} - m) : static_cast<int64_t>(m);
}

double BigInt::to_double(bool* overflow) const {
  if (overflow) *overflow = false;
  const uint64_t n = bit_length();
  const double huge = neg_ ? -HUGE_VAL : HUGE_VAL;
  if (n <= 53) {
    double d = static_cast<double>(low_u64(mag_));  // exact
    return neg_ ? -d : d;
  }
  if (n > 1024) {
    if (overflow) *overflow = true;
    return huge;
  }
  // Keep 54 bits (53 + a guard bit) and a sticky bit for the rest, then round
  // half to even.
  bool sticky;
  uint64_t shift = n - 54;
  uint64_t m = bits_above(mag_, shift, &sticky);
  const bool guard = m & 1;
  m >>= 1;
  ++shift;
  if (guard && (sticky || (m & 1))) {
    ++m;
    if (m == (uint64_t{1} << 53)) {
      m >>= 1;
      ++shift;
    }
  }
  if (shift + 53 > 1024) {  // rounded up to 2**1024
    if (overflow) *overflow = true;
    return huge;
  }
  double d = std::ldexp(static_cast<double>(m), static_cast<int>(shift));
  return neg_ ? -d : d;
}

double BigInt::true_divide(const BigInt& a, const BigInt& b, bool* overflow) {
  if (overflow) *overflow = false;
  const bool negate = a.neg_ != b.neg_;
  const double zero = negate ? -0.0 : 0.0;
  const double huge = negate ? -HUGE_VAL : HUGE_VAL;
  if (a.is_zero()) return zero;
  const uint64_t abits = a.bit_length(), bbits = b.bit_length();
  if (abits <= 53 && bbits <= 53) {
    // Both exact as doubles: IEEE division is correctly rounded.
    return a.to_double(nullptr) / b.to_double(nullptr);
  }
  // |a|/|b| lies in [2**(diff-1), 2**(diff+1)).
  const int64_t diff = static_cast<int64_t>(abits) - static_cast<int64_t>(bbits);
  constexpr int64_t kMantDig = 53, kMinExp = -1021, kMaxExp = 1024;  // DBL_*
  if (diff > kMaxExp) {
    if (overflow) *overflow = true;
    return huge;
  }
  if (diff < kMinExp - kMantDig - 1) return zero;  // below half the least subnormal

  // x = floor(|a| / (|b| * 2**shift)) has 55 or 56 bits for a normal result
  // (2 or 3 more than needed) and at most that for a subnormal one; `inexact`
  // records whether the floor dropped anything.
  const int64_t shift = std::max(diff, kMinExp) - kMantDig - 2;
  bool inexact = false;
  Limbs num = shift <= 0 ? shl_mag(a.mag_, static_cast<uint64_t>(-shift))
                         : shr_mag(a.mag_, static_cast<uint64_t>(shift), &inexact);
  Limbs q, r;
  divmod_mag(num, b.mag_, &q, &r);
  if (!r.empty()) inexact = true;
  assert(q.size() <= 2);
  uint64_t x = low_u64(q);
  const int64_t x_bits = static_cast<int64_t>(bit_length_mag(q));

  // Drop the bits below the result's precision: 53 bits for a normal result,
  // fewer when the result is subnormal (its last bit weighs 2**-1074).
  const int64_t extra = std::max(x_bits, kMinExp - shift) - kMantDig;
  assert(extra >= 2 && extra < 64);
  const uint64_t half = uint64_t{1} << (extra - 1);
  const uint64_t low = x & ((uint64_t{1} << extra) - 1);
  x >>= extra;
  if (low > half || (low == half && (inexact || (x & 1)))) ++x;
  const int64_t exp = shift + extra;
  if (static_cast<int64_t>(std::bit_width(x)) + exp > kMaxExp) {
    if (overflow) *overflow = true;
    return huge;
  }
  double d = std::ldexp(static_cast<double>(x), static_cast<int>(exp));  // exact
  return negate ? -d : d;
}

std::string BigInt::to_string(int base) const {
  assert(base >= 2 && base <= 36);
  if (mag_.empty()) return "0";
  std::string out;
  if (int w = pow2_bits(base)) {
    const uint64_t bits = bit_length();
    const uint64_t ndigits = (bits + w - 1) / w;
    out.reserve(ndigits + 1);
    if (neg_) out.push_back('-');
    const Limb mask = (Limb{1} << w) - 1;
    for (uint64_t i = ndigits; i-- > 0;) {
      uint64_t pos = i * w;
      size_t li = pos / 32;
      DLimb v = mag_[li];
      if (li + 1 < mag_.size()) v |= DLimb{mag_[li + 1]} << 32;
      out.push_back(kDigitChars[(v >> (pos % 32)) & mask]);
    }
    return out;
  }
  out.reserve(base == 10 ? decimal_digits_estimate() + 1 : mag_.size() * 32 + 1);
  if (neg_) out.push_back('-');
  if (base == 10 && mag_.size() > kDecimalLeafLimbs) {
    // Powers 10**(9 * 2**j) up to about half the size of the value.
    std::vector<Limbs> pow10{Limbs{1000000000}};
    while (pow10.back().size() * 2 < mag_.size()) {
      pow10.push_back(mul_mag(pow10.back(), pow10.back()));
    }
    append_decimal_dc(mag_, 0, pow10, out);
  } else {
    append_digits_short(mag_, base, 0, out);
  }
  return out;
}

size_t BigInt::decimal_digits_estimate() const {
  // digits = floor(log10 |x|) + 1 <= floor(bits * log10(2)) + 1, and
  // 0.30103 > log10(2).
  return static_cast<size_t>(bit_length() * 30103 / 100000 + 1);
}

// ---------------------------------------------------------------------------
// Arithmetic

BigInt BigInt::operator-() const { return BigInt(mag_, !neg_); }

BigInt BigInt::abs() const { return BigInt(mag_, false); }

BigInt BigInt::add_signed(const BigInt& a, const BigInt& b, bool negate_b) {
  const bool bneg = negate_b ? !b.neg_ && !b.mag_.empty() : b.neg_;
  if (a.neg_ == bneg) return BigInt(add_mag(a.mag_, b.mag_), a.neg_);
  int c = cmp_mag(a.mag_, b.mag_);
  if (c == 0) return BigInt();
  if (c > 0) return BigInt(sub_mag(a.mag_, b.mag_), a.neg_);
  return BigInt(sub_mag(b.mag_, a.mag_), bneg);
}

BigInt operator+(const BigInt& a, const BigInt& b) { return BigInt::add_signed(a, b, false); }

BigInt operator-(const BigInt& a, const BigInt& b) { return BigInt::add_signed(a, b, true); }

BigInt operator*(const BigInt& a, const BigInt& b) {
  return BigInt(mul_mag(a.mag_, b.mag_), a.neg_ != b.neg_);
}

void BigInt::divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) {
  assert(!b.is_zero());
  Limbs qm, rm;
  divmod_mag(a.mag_, b.mag_, q ? &qm : nullptr, &rm);
  // Truncated quotient and remainder; floor them when the signs differ and
  // the division was inexact: q -= 1, r += b (so r takes b's sign).
  const bool signs_differ = a.neg_ != b.neg_;
  BigInt rr(std::move(rm), a.neg_);
  const bool adjust = signs_differ && !rr.is_zero();
  if (adjust) rr = rr + b;
  if (q) {
    BigInt qq(std::move(qm), signs_differ);
    if (adjust) qq = qq - BigInt(1);
    *q = std::move(qq);
  }
  if (r) *r = std::move(rr);
}

BigInt BigInt::pow(uint64_t exponent) const {
  if (exponent == 0) return BigInt(1);
  BigInt result = *this;
  for (int i = std::bit_width(exponent) - 2; i >= 0; --i) {
    result = result * result;
    if ((exponent >> i) & 1) result = result * *this;
  }
  return result;
}

BigInt BigInt::pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod) {
  assert(!exp.neg_ && !mod.is_zero());
  const LimbSpan m = mod.mag_;
  if (m.size() == 1 && m[0] == 1) return BigInt();
  // Work on |mod| with a base reduced into [0, |mod|), then move the result
  // to the modulus' side of zero.
  BigInt b;
  divmod(base, mod.abs(), nullptr, &b);
  Limbs result{1};
  const uint64_t nbits = exp.bit_length();
  for (uint64_t i = nbits; i-- > 0;) {
    result = mod_mag(mul_mag(result, result), m);
    if ((exp.mag_[i / 32] >> (i % 32)) & 1) result = mod_mag(mul_mag(result, b.mag_), m);
  }
  BigInt r(std::move(result), false);
  if (mod.neg_ && !r.is_zero()) r = r + mod;
  return r;
}

// ---------------------------------------------------------------------------
// Shifts and bitwise operations

BigInt BigInt::shift_left(uint64_t n) const { return BigInt(shl_mag(mag_, n), neg_); }

BigInt BigInt::shift_right(uint64_t n) const {
  bool lost = false;
  Limbs r = shr_mag(mag_, n, &lost);
  if (neg_ && lost) {
    // floor(-m / 2**n) == -ceil(m / 2**n)
    mul_small_add(r, 1, 1);
  }
  return BigInt(std::move(r), neg_);
}

BigInt BigInt::bitwise(const BigInt& a, const BigInt& b, BitOp op) {
  const size_t n = std::max(a.mag_.size(), b.mag_.size()) + 1;
  Limbs ta = twos_complement(a.mag_, a.neg_, n);
  const Limbs tb = twos_complement(b.mag_, b.neg_, n);
  bool negative = false;
  switch (op) {
    case BitOp::And:
      for (size_t i = 0; i < n; ++i) ta[i] &= tb[i];
      negative = a.neg_ && b.neg_;
      break;
    case BitOp::Or:
      for (size_t i = 0; i < n; ++i) ta[i] |= tb[i];
      negative = a.neg_ || b.neg_;
      break;
    case BitOp::Xor:
      for (size_t i = 0; i < n; ++i) ta[i] ^= tb[i];
      negative = a.neg_ != b.neg_;
      break;
  }
  if (negative) {
    // Back from two's complement: magnitude = ~t + 1.
    ta = twos_complement(ta, true, n);
  }
  return BigInt(std::move(ta), negative);
}

BigInt operator&(const BigInt& a, const BigInt& b) {
  return BigInt::bitwise(a, b, BigInt::BitOp::And);
}

BigInt operator|(const BigInt& a, const BigInt& b) {
  return BigInt::bitwise(a, b, BigInt::BitOp::Or);
}

BigInt operator^(const BigInt& a, const BigInt& b) {
  return BigInt::bitwise(a, b, BigInt::BitOp::Xor);
}

BigInt BigInt::invert() const {
  // ~x == -(x + 1)
  return -(*this + BigInt(1));
}

// ---------------------------------------------------------------------------
// Comparison, hashing, size

int BigInt::compare(const BigInt& a, const BigInt& b) {
  if (a.neg_ != b.neg_) return a.neg_ ? -1 : 1;
  int c = cmp_mag(a.mag_, b.mag_);
  return a.neg_ ? -c : c;
}

int BigInt::compare_double(double d) const {
  if (std::isinf(d)) return d > 0 ? -1 : 1;  // cheap to allow, though callers need not
  const int ds = d > 0 ? 1 : (d < 0 ? -1 : 0);
  const int s = sign();
  if (s != ds) return s < ds ? -1 : 1;
  if (s == 0) return 0;
  // Same sign: compare magnitudes, first by size. |x| is in
  // [2**(n-1), 2**n), |d| in [2**(e-1), 2**e).
  const double ad = std::fabs(d);
  int e;
  std::frexp(ad, &e);
  const int64_t n = static_cast<int64_t>(bit_length());
  int c;
  if (n > e) {
    c = 1;
  } else if (n < e) {
    c = -1;
  } else {
    // Equal sizes (so |d| >= 1): compare with the integer part exactly, and
    // a fractional part makes |d| the larger on a tie.
    const double ip = std::floor(ad);
    c = cmp_mag(mag_, from_double(ip).mag_);
    if (c == 0 && ip != ad) c = -1;
  }
  return s > 0 ? c : -c;
}

int64_t BigInt::hash() const {
  // |x| mod P with P = 2**61 - 1, Horner from the top limb. Multiplying by
  // 2**32 mod P is a rotation within 61 bits, since 2**61 == 1 (mod P).
  constexpr uint64_t kModulus = (uint64_t{1} << 61) - 1;
  uint64_t h = 0;
  for (size_t i = mag_.size(); i-- > 0;) {
    h = ((h << 32) & kModulus) | (h >> 29);
    h += mag_[i];
    if (h >= kModulus) h -= kModulus;
  }
  int64_t r = static_cast<int64_t>(h);
  if (neg_) r = -r;
  return r == -1 ? -2 : r;
}

uint64_t BigInt::bit_length() const { return bit_length_mag(mag_); }

}  // namespace gilvm
