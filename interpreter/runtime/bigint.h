// runtime/bigint.h — arbitrary-precision integers for Python ints that do not
// fit in int64.
//
// Role. The VM keeps small ints inline in a Value as int64 and promotes to a
// BigInt when an operation overflows; it normalises BigInt results that fit
// back into int64 (fits_int64 / to_int64). This file knows nothing about
// Values, the heap or the GIL: a BigInt is a plain immutable-by-convention
// value type, safe to use from any thread, with no global state. Its only
// failure mode is std::bad_alloc from std::vector (e.g. 1 << 10**12); the
// caller bounds sizes before asking (CPython raises OverflowError or
// MemoryError there) and must not let a C++ exception cross the eval loop.
//
// Representation. Sign and magnitude. The magnitude is a little-endian vector
// of 32-bit limbs (all products and carries in uint64), so limb i weighs
// 2**(32*i). Invariants, restored by every operation:
//   * no leading zero limbs (mag_.back() != 0 when non-empty);
//   * zero is the empty vector and is never negative (neg_ == false).
// Hence equal values have equal representations and == compares members.
//
// Algorithms.
//   * Multiplication: schoolbook below kKaratsubaThreshold limbs (bigint.cpp),
//     Karatsuba above; unbalanced operands are cut into slices of the shorter
//     one's length first, as CPython's k_lopsided_mul does.
//   * Division: Knuth TAOCP vol. 2 §4.3.1 algorithm D (normalise so the top
//     divisor limb has its high bit set, estimate each quotient limb from the
//     top two limbs, correct, multiply-subtract, add back on the rare overshoot);
//     a single-limb divisor takes a short-division path.
//   * Decimal output: short division by 10**9 for up to 48 limbs; above that,
//     divide and conquer at powers 10**(9 * 2**j) (one Knuth division per
//     level; still quadratic, about 1 ms for 10,000 digits). Decimal input is
//     multiply-add by 10**9 per 9 digits. Power-of-two bases are linear bit
//     packing and extraction, both ways.
//
// Python semantics followed (and where they come from in CPython):
//   * divmod: floor division rounds toward -inf, the remainder takes the
//     divisor's sign (Language Reference §6.7; Objects/longobject.c l_divmod).
//   * shift_right floors like an arithmetic shift (§6.8; long_rshift).
//   * & | ^ ~ act on the infinite two's-complement form (§6.9; long_bitwise,
//     long_invert: ~x == -x-1).
//   * pow_mod: the result has the modulus' sign, as pow(b, e, m) in long_pow.
//   * to_double rounds half-to-even and reports overflow for values that round
//     to 2**1024 or above, as PyLong_AsDouble (via _PyLong_Frexp).
//   * true_divide is correctly rounded even when both operands are huge, with
//     the same structure as long_true_divide: exact fast path when both fit in
//     53 bits, early overflow/underflow from the bit-length difference, then an
//     integer quotient with 2-3 extra bits and a sticky bit, rounded half-even
//     (subnormal results rounded to the subnormal precision, not twice).
//   * hash is |x| mod 2**61-1 with x's sign, -1 mapped to -2 (long_hash; the
//     "Hashing of numeric types" section of the Library Reference), so it
//     agrees with the hash of an equal float or inline int.
//   * compare_double is exact, like float_richcompare in Objects/floatobject.c
//     (no rounding of the int to a double).
//   * from_double truncates toward zero as PyLong_FromDouble.
// The code is written from these descriptions, not copied.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gilvm {

class BigInt {
 public:
  using Limb = uint32_t;
  static constexpr int kLimbBits = 32;

  BigInt() = default;  // 0
  explicit BigInt(int64_t v);
  [[nodiscard]] static BigInt from_uint64(uint64_t v);

  // digits: only [0-9a-zA-Z] valid for `base` (2..36), no sign, no prefix, no
  // underscores (the caller strips them). nullopt when empty, when a character
  // is not a digit of the base, or when base is out of range. Quadratic for
  // bases that are not powers of two; the caller applies CPython's 4300-digit
  // limit on int(str) before calling.
  [[nodiscard]] static std::optional<BigInt> from_digits(std::string_view digits, int base,
                                                         bool negative);

  // Truncates toward zero. The caller guarantees d is finite.
  [[nodiscard]] static BigInt from_double(double d);

  [[nodiscard]] bool fits_int64() const;
  [[nodiscard]] int64_t to_int64() const;  // only meaningful when fits_int64()

  // Correctly rounded (half-even) conversion. On overflow sets *overflow and
  // returns +-HUGE_VAL; otherwise clears it. `overflow` may be null.
  [[nodiscard]] double to_double(bool* overflow) const;

  // Correctly rounded a / b; b != 0 (caller checks). Underflow gives a signed
  // zero as in CPython (1 / -10**400 == -0.0). On overflow sets *overflow and
  // returns +-HUGE_VAL; otherwise clears it. `overflow` may be null.
  [[nodiscard]] static double true_divide(const BigInt& a, const BigInt& b, bool* overflow);

  // Digits in any base 2..36 (lowercase letters), '-' for negatives, no
  // prefix. Bases 2, 4, 8, 16, 32 are linear; others are quadratic.
  [[nodiscard]] std::string to_string(int base = 10) const;

  // Cheap upper bound on the number of decimal digits (without sign): at most
  // one more than the true count. CPython 3.11 refuses str() of ints with more
  // than 4300 digits; a caller can reject quickly when the estimate is well
  // above the limit, but must check the real length when it is near it.
  [[nodiscard]] size_t decimal_digits_estimate() const;

  [[nodiscard]] int sign() const { return neg_ ? -1 : (mag_.empty() ? 0 : 1); }
  [[nodiscard]] bool is_zero() const { return mag_.empty(); }
  [[nodiscard]] bool is_negative() const { return neg_; }
  [[nodiscard]] bool is_odd() const { return !mag_.empty() && (mag_[0] & 1); }

  [[nodiscard]] BigInt operator-() const;
  [[nodiscard]] BigInt abs() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);

  // Python floor semantics (see top). b != 0 (caller checks). q or r may be
  // null; either may alias a or b.
  static void divmod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r);

  // Left-to-right square-and-multiply. The caller bounds the result size.
  [[nodiscard]] BigInt pow(uint64_t exponent) const;
  // Three-argument pow: exp >= 0, mod != 0 (caller checks); the result lies
  // in [0, mod) for mod > 0 and in (mod, 0] for mod < 0.
  [[nodiscard]] static BigInt pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod);

  // Shifts by a bit count; shift_right floors (-1 >> n == -1). The caller
  // bounds n for shift_left.
  [[nodiscard]] BigInt shift_left(uint64_t n) const;
  [[nodiscard]] BigInt shift_right(uint64_t n) const;

  // Infinite two's-complement semantics, as Python's & | ^ ~.
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  [[nodiscard]] BigInt invert() const;  // ~x == -x-1

  [[nodiscard]] static int compare(const BigInt& a, const BigInt& b);  // -1, 0, 1
  // Exact comparison with a double that is not a NaN (caller handles NaN;
  // infinities compare as in Python): -1, 0, 1.
  [[nodiscard]] int compare_double(double d) const;

  // Python's hash(int) (see top).
  [[nodiscard]] int64_t hash() const;

  // Number of bits of |x|; 0 for 0 (int.bit_length()).
  [[nodiscard]] uint64_t bit_length() const;

  bool operator==(const BigInt& o) const { return neg_ == o.neg_ && mag_ == o.mag_; }
  std::strong_ordering operator<=>(const BigInt& o) const {
    return compare(*this, o) <=> 0;
  }

  // The magnitude, little-endian, normalised (for serialisation and sizeof).
  [[nodiscard]] std::span<const Limb> limbs() const { return mag_; }

 private:
  BigInt(std::vector<Limb> mag, bool negative);  // normalises

  // a + b, or a - b when negate_b: the sign-magnitude case analysis.
  static BigInt add_signed(const BigInt& a, const BigInt& b, bool negate_b);
  // & | ^ through two's complement.
  enum class BitOp : uint8_t { And, Or, Xor };
  static BigInt bitwise(const BigInt& a, const BigInt& b, BitOp op);

  std::vector<Limb> mag_;  // |x|, little-endian 32-bit limbs, no leading zeros
  bool neg_ = false;       // x < 0; never true when mag_ is empty
};

}  // namespace gilvm
