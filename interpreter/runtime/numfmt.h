// runtime/numfmt.h — the text of Python numbers: float repr, format specs,
// float parsing, rounding, float %, // and hash.
//
// Role. Pure functions on doubles, strings and digit strings, with no
// interpreter types: the VM's float/int/str __format__, repr, float(str),
// round(), % and // and hash() call them and turn a `false` result plus the
// `error` text into a ValueError (or OverflowError where a comment says so).
// Everything here is thread-safe and allocation-only (std::string).
//
// Digits. All decimal digit strings come from std::to_chars, which gives
// (a) the shortest string that round-trips (repr) and (b) correctly rounded
// fixed/scientific output for a given precision, ties broken half-to-even on
// the exact binary value -- the same answers as CPython's dtoa.c modes 0, 2
// and 3, so we never need a big-number dtoa of our own. std::from_chars is the
// correctly rounded way back.
//
// Layout. Where the digits go (fixed or exponent, '.0', trailing zeros, '#')
// follows Python/pystrtod.c format_float_short; how a formatted number is
// padded, signed, prefixed and grouped follows Python/formatter_unicode.c
// (calc_number_widths, fill_number) and the grouping walk of
// _PyUnicode_InsertThousandsGrouping, so zero padding with grouping gives
// Python's '0,001,234'. The spec grammar is parse_internal_render_format_spec
// (Library Reference, "Format Specification Mini-Language"):
//   [[fill]align][sign]["z"]["#"]["0"][width][","|"_"]["." precision][type]
// Locale: gilvm runs in the C locale, so 'n' is 'd' for ints and 'g' for
// floats, with no grouping, as CPython before any setlocale() call.
//
// Error messages are CPython 3.11's ValueError texts word for word.
// The code is written from those descriptions, not copied.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gilvm::text {

// ---------------------------------------------------------------------------
// repr
// ---------------------------------------------------------------------------

// repr(x) and str(x) of a float: shortest round-trip digits; fixed notation
// when the decimal exponent e of the first digit is -4 <= e < 16 (with '.0'
// added to integral values), else d[.ddd]e±XX; 'inf', '-inf', 'nan' (never
// '-nan'), '-0.0'. (float_repr -> PyOS_double_to_string(x, 'r', 0,
// Py_DTSF_ADD_DOT_0).)
[[nodiscard]] std::string float_repr(double v);

// ---------------------------------------------------------------------------
// Format specifications
// ---------------------------------------------------------------------------

// A parsed format spec. Fields left at their defaults were not given.
struct FormatSpec {
  char32_t fill = ' ';     // padding code point; '0' when the '0' flag set it
  char align = 0;          // '<' '>' '^' '=', or 0: the type's default (strings
                           // '<'; numbers '>' -- or '=' when zero_pad is set)
  char sign = 0;           // '+' '-' ' ', or 0 (same as '-')
  bool alternate = false;  // '#'
  bool zero_pad = false;   // the '0' flag before the width (fill was not given)
  int width = -1;          // minimum width in code points, -1 when absent
  char grouping = 0;       // ',' or '_', or 0
  int precision = -1;      // -1 when absent
  char type = 0;           // presentation type, 0 when absent; when the type is
                           // not ASCII it is '\x7f' here and see type_cp
  // Extensions beyond the brief's fields (both default to "not given"):
  bool no_neg_zero = false;  // 'z' (PEP 682, new in 3.11): -0.0 prints as 0.0
  char32_t type_cp = 0;      // the type as a code point (for error messages)
};

// Parses `spec` (UTF-8; the part after ':' in '{:...}'). On failure returns
// false with CPython's message in `error`. type_name is the Python type of the
// value being formatted; it only appears in "Invalid format specifier '...'
// for object of type 'float'" (CPython parses the spec inside the type's
// __format__). Checks that need only the spec are done here ("Cannot specify
// ',' with 'x'.", "Cannot specify both ',' and '_'.", "Format specifier
// missing precision", "Too many decimal digits in format string"); those that
// depend on the value's type are done by format_*.
[[nodiscard]] bool parse_format_spec(std::string_view spec, FormatSpec& out, std::string& error,
                                     std::string_view type_name = "object");

// format(v, spec) for a float: types e E f F g G n % and none; '#', 'z', sign,
// grouping, fill/align/'='/zero padding. Type none: with no precision like
// repr(v), with a precision like 'g' but always with a '.' or an exponent
// (format(1.0, '.3') == '1.0', format(123.0, '.3') == '1.23e+02').
// (float.__format__ -> format_float_internal.)
[[nodiscard]] bool format_float(double v, const FormatSpec& spec, std::string& out,
                                std::string& error, std::string_view type_name = "float");

// format(n, spec) for an int. The caller passes the sign and a function that
// returns |n| in base 2, 8, 10 or 16 (lowercase digits, no prefix, "0" for
// zero); it is called at most once. Types b o d x X n and none; '#' gives
// 0b/0o/0x/0X; '_' groups hex/octal/binary digits by 4. Type 'c' is the
// caller's (it needs the value): format_int returns an error for it. Float
// types (e E f F g G %) are converted to float by the caller first; see
// is_float_presentation. (int.__format__ -> format_long_internal.)
[[nodiscard]] bool format_int(bool negative,
                              const std::function<std::string(int base)>& magnitude_digits,
                              const FormatSpec& spec, std::string& out, std::string& error,
                              std::string_view type_name = "int");

// format(n, spec) with type 'c': the character chr(n), padded like a number
// (default right-aligned). `code` is n, or any out-of-range value when n does
// not fit in int64. CPython's checks in its order: precision, 'z', sign, '#'
// (ValueError), then the range: overflow is set and error is "%c arg not in
// range(0x110000)" for the caller's OverflowError.
[[nodiscard]] bool format_int_char(int64_t code, const FormatSpec& spec, std::string& out,
                                   std::string& error, bool& overflow);

// format(s, spec) for a str (UTF-8): type s or none; precision truncates to
// that many code points, width counts code points, default alignment left.
// (str.__format__ -> format_string_internal.)
[[nodiscard]] bool format_str(std::string_view utf8, const FormatSpec& spec, std::string& out,
                              std::string& error, std::string_view type_name = "str");

// True for the types int.__format__ hands to float formatting: e E f F g G %.
[[nodiscard]] bool is_float_presentation(char type);

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

// float(s) for a str s (UTF-8): surrounding whitespace (Unicode, as
// str.isspace), optional sign, digits with an optional '.' and exponent,
// underscores only between two digits, 'inf' / 'infinity' / 'nan' in any case,
// non-ASCII decimal digits (e.g. Arabic-Indic) as their values. Overflow gives
// +-inf and underflow +-0.0, as in Python. nullopt otherwise (the caller
// raises "could not convert string to float: 'x'"). No hex floats.
// (PyFloat_FromString, _Py_string_to_number_with_underscores.)
[[nodiscard]] std::optional<double> parse_float(std::string_view s);

// ---------------------------------------------------------------------------
// Arithmetic with Python semantics
// ---------------------------------------------------------------------------

// round(x) for a float, still as a double: nearest integer, ties to even
// (round(0.5) == 0, round(1.5) == 2). inf and nan pass through; the caller
// raises OverflowError / ValueError converting them to int.
// (float___round___impl with ndigits None.)
[[nodiscard]] double round_half_even(double x);

// round(x, ndigits): the decimal value of x correctly rounded (half-even on
// the exact binary value) to ndigits places, then converted back to the
// nearest double: round(2.675, 2) == 2.67 because 2.675 is really
// 2.67499999...; ndigits may be negative (round(1250.5, -2) == 1300.0).
// Zero results keep x's sign. inf/nan and huge ndigits return x. Returns false
// only on overflow (round(1.7e308, -308)): the caller raises OverflowError
// "rounded value too large to represent". (double_round in floatobject.c.)
[[nodiscard]] bool round_float(double x, int64_t ndigits, double& out);

// a % b for floats: the result has b's sign (zero results too), as
// float_rem. b == 0 is the caller's ZeroDivisionError; here it gives nan.
[[nodiscard]] double py_fmod(double a, double b);

// a // b for floats: floor of the true quotient, computed as CPython's
// _float_div_mod does ((a - fmod(a, b)) / b, adjusted and snapped to an
// integral value), so 1 // 0.1 == 9.0 and inf // 1 is nan. b == 0: nan.
[[nodiscard]] double py_floordiv(double a, double b);

// divmod(a, b) for floats: both results of _float_div_mod at once.
void py_divmod(double a, double b, double& div, double& mod);

// hash(x) for a float: the value of x modulo 2**61 - 1 with x's sign, so
// hash(2.0) == hash(2) and hash(0.5) == 2**60; +-inf hash to +-314159; -1
// becomes -2. nan returns 0: CPython 3.10+ hashes nan by identity, which the
// caller decides. (_Py_HashDouble; Library Reference "Hashing of numeric
// types".)
[[nodiscard]] int64_t hash_double(double x);

}  // namespace gilvm::text
