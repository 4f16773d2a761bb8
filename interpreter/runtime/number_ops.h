// runtime/number_ops.h — the parts of int and float arithmetic and text that
// need the interpreter (raising, making ints) on top of runtime/bigint.h and
// runtime/numfmt.h: pow, round, int -> str with CPython's digit limit, and
// format() of ints, floats and strs. The core's arithmetic, repr, str() and
// format_value call these; runtime/number_methods.cpp has the constructors
// and methods of int, float and bool.
//
// Every function returning Value returns Fail with an exception pending on
// error (OverflowError, ValueError, ZeroDivisionError with CPython's
// messages).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/value.h"

namespace gilvm {

struct ThreadState;
struct Str;

// CPython 3.11's default sys.int_max_str_digits: int <-> decimal str
// conversions of more digits raise ValueError.
inline constexpr std::size_t kIntMaxStrDigits = 4300;

// base ** exp, or pow(base, exp, mod) when `mod` is not Null; base and exp
// are int-likes. A negative exp without mod gives a float, as Python does
// (2 ** -1 == 0.5; 0 ** -1 raises ZeroDivisionError "0.0 cannot be raised to
// a negative power"). With mod: ValueError "pow() 3rd argument cannot be 0";
// a negative exp uses the modular inverse (Python 3.8+), ValueError "base is
// not invertible for the given modulus" when there is none; TypeError "pow()
// 3rd argument not allowed unless all arguments are integers" when an
// argument is not an int.
[[nodiscard]] Value int_pow(ThreadState& ts, Value base, Value exp, Value mod);

// round(x) for a float (ndigits Null or None): the nearest int, ties to even
// (OverflowError "cannot convert float infinity to integer", ValueError
// "cannot convert float NaN to integer"). round(x, n): a float correctly
// rounded to n decimal places (OverflowError "rounded value too large to
// represent").
[[nodiscard]] Value float_round(ThreadState& ts, double x, Value ndigits);

// round(x[, n]) for an int-like: x itself (as an int, so round(True) == 1)
// when n is absent or >= 0; for n < 0 the nearest multiple of 10**-n, ties
// to even (round(1250, -2) == 1200, round(-55, -1) == -60).
[[nodiscard]] Value int_round(ThreadState& ts, Value x, Value ndigits);

// The digits of an int-like in base 2, 8, 10 or 16 (lowercase), with a
// leading '-' for negatives and no prefix: the caller adds "0x" etc. after
// the sign. Base 10 refuses more than kIntMaxStrDigits digits with
// CPython's ValueError "Exceeds the limit (4300 digits) for integer string
// conversion; use sys.set_int_max_str_digits() to increase the limit"; then
// ok is false and the result is empty.
[[nodiscard]] std::string int_to_string(ThreadState& ts, Value int_like, int base, bool& ok);

// format(v, spec) for an int-like (bool included: an empty spec gives
// str(v), 'True'), a float and a str. Int presentation types b c d n o x X
// and none; e E f F g G % convert the int to float first; 'c' gives the
// character. Errors are ValueError with CPython's text ("Unknown format code
// 'd' for object of type 'str'"), OverflowError for 'c' out of range and
// for float presentation of huge ints.
[[nodiscard]] Value int_format(ThreadState& ts, Value int_like, std::string_view spec);
[[nodiscard]] Value float_format(ThreadState& ts, double x, std::string_view spec);
[[nodiscard]] Value str_format_spec(ThreadState& ts, Str* s, std::string_view spec);

// int(text, base) for the text of a str (UTF-8) or bytes: surrounding
// whitespace, a sign, underscores between digits, 0x/0o/0b prefixes (with
// base 0 or the matching base), non-ASCII decimal digits for str. On
// failure raises ValueError "invalid literal for int() with base 10: 'abc'"
// using repr(original), the Value the text came from.
[[nodiscard]] Value int_from_text(ThreadState& ts, std::string_view text, int base, Value original);

}  // namespace gilvm
