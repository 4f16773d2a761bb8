// runtime/numfmt.cpp — see numfmt.h for the design. Each function names the
// CPython function whose behaviour it reproduces; the code is our own.
#include "runtime/numfmt.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <limits>
#include <system_error>
#include <vector>

#include "runtime/unicode.h"

namespace gilvm::text {
namespace {

// ---------------------------------------------------------------------------
// Digits from std::to_chars
// ---------------------------------------------------------------------------

// A finite non-negative double as decimal digits: value = 0.d1d2d3... * 10**decpt
// (the dtoa convention). digits has no leading zeros except for zero itself,
// which is "0" with decpt 1.
struct Digits {
  std::string digits;
  int decpt = 1;
};

// Splits to_chars scientific output "d.ddde+XX" into digits and decpt.
Digits split_scientific(std::string_view s) {
  Digits d;
  size_t e = s.find('e');
  for (size_t i = 0; i < e; ++i)
    if (s[i] != '.') d.digits.push_back(s[i]);
  int exp = 0;
  std::from_chars(s.data() + e + (s[e + 1] == '+' ? 2 : 1), s.data() + s.size(), exp);
  d.decpt = exp + 1;
  return d;
}

// Shortest round-trip digits (dtoa mode 0).
Digits shortest_digits(double a) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, a, std::chars_format::scientific);
  return split_scientific(std::string_view(buf, r.ptr - buf));
}

// `sig` significant digits, correctly rounded (dtoa mode 2 before it strips
// trailing zeros).
Digits significant_digits(double a, int sig) {
  std::string buf(static_cast<size_t>(sig) + 32, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), a, std::chars_format::scientific,
                         sig - 1);
  return split_scientific(std::string_view(buf.data(), r.ptr - buf.data()));
}

std::string to_chars_string(double a, std::chars_format fmt, int precision) {
  // Fixed output of a double needs at most 309 integer digits.
  std::string buf(static_cast<size_t>(precision) + 340, '\0');
  auto r = std::to_chars(buf.data(), buf.data() + buf.size(), a, fmt, precision);
  buf.resize(r.ptr - buf.data());
  return buf;
}

void append_exponent(std::string& out, int exp) {
  // "%+.02d": sign always, at least two digits (e+16, e-05, e+100).
  out.push_back(exp < 0 ? '-' : '+');
  unsigned mag = exp < 0 ? -static_cast<unsigned>(exp) : static_cast<unsigned>(exp);
  if (mag < 10) out.push_back('0');
  out += std::to_string(mag);
}

// Places digits around the decimal point, as format_float_short does for the
// 'r' and 'g' modes: digit positions run from vstart (< 0 means leading zeros
// "0.00ddd") to vend (> digits.size() means trailing zeros); the point goes
// before position decpt; a trailing point is dropped unless `alt`.
std::string layout(const Digits& d, bool use_exp, int min_digits, bool add_dot_0, bool alt) {
  int decpt = d.decpt;
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int n = static_cast<int>(d.digits.size());
  int vstart = decpt <= 0 ? decpt - 1 : 0;
  int vend = std::max(n, min_digits);
  vend = std::max(vend, (!use_exp && add_dot_0) ? decpt + 1 : decpt);
  std::string out;
  for (int i = vstart; i < vend; ++i) {
    if (i == decpt) out.push_back('.');
    out.push_back(i >= 0 && i < n ? d.digits[static_cast<size_t>(i)] : '0');
  }
  if (decpt == vend) out.push_back('.');
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    out.push_back('e');
    append_exponent(out, exp);
  }
  return out;
}

void strip_trailing_zeros(Digits& d) {
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
}

// repr-style text of a finite a >= 0 (format_float_short, mode 'r').
std::string repr_body(double a, bool alt) {
  Digits d = shortest_digits(a);
  strip_trailing_zeros(d);
  bool use_exp = d.decpt <= -4 || d.decpt > 16;
  return layout(d, use_exp, 0, /*add_dot_0=*/true, alt);
}

// 'g'-style text of a finite a >= 0 (format_float_short, mode 'g'). With
// add_dot_0 (format type none with a precision) the switch to an exponent
// comes one digit earlier, so that the '.0' still fits in `precision` digits.
std::string general_body(double a, int precision, bool add_dot_0, bool alt) {
  if (precision == 0) precision = 1;
  Digits d = significant_digits(a, precision);
  strip_trailing_zeros(d);
  bool use_exp = d.decpt <= -4 || d.decpt > (add_dot_0 ? precision - 1 : precision);
  return layout(d, use_exp, alt ? precision : 0, add_dot_0, alt);
}

// ---------------------------------------------------------------------------
// Padding, sign and grouping (formatter_unicode.c)
// ---------------------------------------------------------------------------

// The digits of the integer part with separators every `group` digits from
// the right, left-padded with zeros up to min_width characters (separators
// included), never starting with a separator: the walk of
// _PyUnicode_InsertThousandsGrouping. sep == 0 means no grouping.
std::string group_digits(std::string_view digits, int min_width, char sep, int group) {
  std::vector<std::string> chunks;  // right to left
  int remaining = static_cast<int>(digits.size());
  while (true) {
    int l = std::max({remaining, min_width, 1});
    if (sep) l = std::min(l, group);
    int zeros = std::max(0, l - remaining);
    int chars = std::min(remaining, l);
    std::string chunk(static_cast<size_t>(zeros), '0');
    chunk.append(digits.substr(static_cast<size_t>(remaining - chars), static_cast<size_t>(chars)));
    chunks.push_back(std::move(chunk));
    remaining -= chars;
    min_width -= l;
    if (!sep || (remaining <= 0 && min_width <= 0)) break;
    min_width -= 1;  // the separator
  }
  std::string out;
  for (auto it = chunks.rbegin(); it != chunks.rend(); ++it) {
    if (it != chunks.rbegin()) out.push_back(sep);
    out += *it;
  }
  return out;
}

void append_fill(std::string& out, char32_t fill, int n) {
  if (n <= 0) return;
  if (fill < 0x80) {
    out.append(static_cast<size_t>(n), static_cast<char>(fill));
    return;
  }
  std::string one;
  utf8_append(one, fill);
  for (int i = 0; i < n; ++i) out += one;
}

// The parts of a number as calc_number_widths sees them:
//   <lpad> <sign> <prefix> <spad> <grouped digits> <'.'> <remainder> <rpad>
// where digits are the leading decimal digits of the formatted number and the
// remainder is everything after them and the point (fraction, exponent, '%',
// or the whole of 'inf'/'nan' and of a 'c' character). Sign and prefix are
// ASCII; the remainder may be any UTF-8 (the 'c' case).
struct NumberParts {
  char sign = 0;  // 0, '-', '+' or ' '
  std::string_view prefix;
  std::string_view digits;
  bool has_decimal = false;
  std::string_view remainder;
};

void render_number(const NumberParts& p, const FormatSpec& spec, char sep, int group,
                   std::string& out) {
  char align = spec.align ? spec.align : (spec.zero_pad ? '=' : '>');
  int width = spec.width;
  int fixed = (p.sign ? 1 : 0) + static_cast<int>(p.prefix.size()) + (p.has_decimal ? 1 : 0) +
              static_cast<int>(utf8_length(p.remainder));
  int min_width = (spec.fill == U'0' && align == '=') ? width - fixed : 0;
  std::string grouped;
  if (!p.digits.empty()) grouped = group_digits(p.digits, min_width, sep, group);
  int padding = width - (fixed + static_cast<int>(grouped.size()));
  int lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (align) {
      case '<': rpad = padding; break;
      case '^': lpad = padding / 2; rpad = padding - lpad; break;
      case '=': spad = padding; break;
      default: lpad = padding; break;
    }
  }
  out.clear();
  append_fill(out, spec.fill, lpad);
  if (p.sign) out.push_back(p.sign);
  out.append(p.prefix);
  append_fill(out, spec.fill, spad);
  out += grouped;
  if (p.has_decimal) out.push_back('.');
  out.append(p.remainder);
  append_fill(out, spec.fill, rpad);
}

char sign_char(char spec_sign, bool negative) {
  if (negative) return '-';
  if (spec_sign == '+' || spec_sign == ' ') return spec_sign;
  return 0;
}

std::string type_for_message(char32_t cp) {
  // unknown_presentation_type / invalid_thousands_separator_type: the
  // character itself when printable ASCII, else '\x' + unpadded hex.
  if (cp > 32 && cp < 128) return std::string(1, static_cast<char>(cp));
  char buf[16];
  auto r = std::to_chars(buf, buf + sizeof buf, static_cast<uint32_t>(cp), 16);
  return "\\x" + std::string(buf, r.ptr);
}

char32_t type_code_point(const FormatSpec& spec) {
  return spec.type_cp ? spec.type_cp : static_cast<char32_t>(static_cast<unsigned char>(spec.type));
}

std::string unknown_code(const FormatSpec& spec, std::string_view type_name) {
  return "Unknown format code '" + type_for_message(type_code_point(spec)) +
         "' for object of type '" + std::string(type_name) + "'";
}

std::string bad_separator(char sep, char32_t type) {
  return std::string("Cannot specify '") + sep + "' with '" + type_for_message(type) + "'.";
}

}  // namespace

// ---------------------------------------------------------------------------
// repr
// ---------------------------------------------------------------------------

std::string float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::string body = repr_body(std::fabs(v), false);
  return std::signbit(v) ? "-" + body : body;
}

// ---------------------------------------------------------------------------
// Format specs (parse_internal_render_format_spec)
// ---------------------------------------------------------------------------

bool parse_format_spec(std::string_view spec, FormatSpec& out, std::string& error,
                       std::string_view type_name) {
  out = FormatSpec{};
  std::u32string s;
  for (size_t i = 0; i < spec.size();) s.push_back(utf8_decode_at(spec, i));
  size_t pos = 0, end = s.size();
  auto is_align = [](char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; };
  bool fill_given = false;

  if (end - pos >= 2 && is_align(s[pos + 1])) {
    out.fill = s[pos];
    out.align = static_cast<char>(s[pos + 1]);
    fill_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(s[pos])) {
    out.align = static_cast<char>(s[pos]);
    ++pos;
  }
  if (pos < end && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' '))
    out.sign = static_cast<char>(s[pos++]);
  if (pos < end && s[pos] == 'z') {
    out.no_neg_zero = true;
    ++pos;
  }
  if (pos < end && s[pos] == '#') {
    out.alternate = true;
    ++pos;
  }
  // The '0' flag: zero fill (and '=' alignment for numbers, decided by
  // format_*), but only when no fill character was given.
  if (!fill_given && pos < end && s[pos] == '0') {
    out.fill = U'0';
    out.zero_pad = true;
    ++pos;
  }
  // get_integer: decimal digits of any script; overflow is an error.
  auto get_integer = [&](int& result) -> int {
    int consumed = 0;
    long long acc = 0;
    while (pos < end) {
      int d = decimal_value(s[pos]);
      if (d < 0) break;
      acc = acc * 10 + d;
      if (acc > INT_MAX) {
        error = "Too many decimal digits in format string";
        return -1;
      }
      ++pos;
      ++consumed;
    }
    if (consumed) result = static_cast<int>(acc);
    return consumed;
  };
  if (get_integer(out.width) < 0) return false;

  if (pos < end && s[pos] == ',') {
    out.grouping = ',';
    ++pos;
  }
  if (pos < end && s[pos] == '_') {
    if (out.grouping) {
      error = "Cannot specify both ',' and '_'.";
      return false;
    }
    out.grouping = '_';
    ++pos;
  }
  if (pos < end && s[pos] == ',' && out.grouping == '_') {
    error = "Cannot specify both ',' and '_'.";
    return false;
  }
  if (pos < end && s[pos] == '.') {
    ++pos;
    int consumed = get_integer(out.precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      error = "Format specifier missing precision";
      return false;
    }
  }
  if (end - pos > 1) {
    error = "Invalid format specifier '" + std::string(spec) + "' for object of type '" +
            std::string(type_name) + "'";
    return false;
  }
  if (end - pos == 1) {
    out.type_cp = s[pos];
    out.type = s[pos] < 0x80 ? static_cast<char>(s[pos]) : '\x7f';
  }
  // Separators are allowed with the decimal and float types (PEP 378), and
  // '_' also with b o x X (PEP 515). Type none is checked by format_str,
  // since for a str it means 's'.
  if (out.grouping) {
    switch (out.type_cp) {
      case 0: case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F':
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (out.grouping == '_') break;
        [[fallthrough]];
      default:
        error = bad_separator(out.grouping, out.type_cp);
        return false;
    }
  }
  return true;
}

bool is_float_presentation(char type) {
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': return true;
    default: return false;
  }
}

// ---------------------------------------------------------------------------
// format_float (format_float_internal + PyOS_double_to_string)
// ---------------------------------------------------------------------------

bool format_float(double v, const FormatSpec& spec, std::string& out, std::string& error,
                  std::string_view type_name) {
  char type = spec.type;
  if (spec.type_cp >= 0x80) type = '\x7f';
  switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      break;
    default:
      error = unknown_code(spec, type_name);
      return false;
  }
  const bool upper = type == 'E' || type == 'F' || type == 'G';
  const bool alt = spec.alternate;
  bool negative = std::signbit(v) && !std::isnan(v);
  double a = std::fabs(v);
  std::string body;
  if (type == '%') a *= 100;
  if (std::isnan(a) || std::isinf(a)) {
    body = std::isnan(a) ? "nan" : "inf";
  } else {
    int precision = spec.precision;
    switch (type) {
      case 0:
        body = precision < 0 ? repr_body(a, alt) : general_body(a, precision, true, alt);
        break;
      case 'g': case 'G': case 'n':
        body = general_body(a, precision < 0 ? 6 : precision, false, alt);
        break;
      case 'e': case 'E':
        if (precision < 0) precision = 6;
        body = to_chars_string(a, std::chars_format::scientific, precision);
        if (precision == 0 && alt) body.insert(1, ".");
        break;
      default:  // f F %
        if (precision < 0) precision = 6;
        body = to_chars_string(a, std::chars_format::fixed, precision);
        if (precision == 0 && alt) body.push_back('.');
        break;
    }
    // 'z': a result that rounds to zero loses its minus sign (Py_DTSF_NO_NEG_0).
    if (negative && spec.no_neg_zero) {
      size_t mantissa_end = std::min(body.find('e'), body.size());
      if (body.find_first_of("123456789") >= mantissa_end) negative = false;
    }
  }
  if (upper)
    for (char& c : body) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (type == '%') body.push_back('%');

  NumberParts parts;
  parts.sign = sign_char(spec.sign, negative);
  size_t ndig = 0;
  while (ndig < body.size() && body[ndig] >= '0' && body[ndig] <= '9') ++ndig;
  std::string_view bv(body);
  parts.digits = bv.substr(0, ndig);
  parts.has_decimal = ndig < bv.size() && bv[ndig] == '.';
  parts.remainder = bv.substr(ndig + (parts.has_decimal ? 1 : 0));
  // 'n' would use the locale's separators; in the C locale there are none.
  char sep = type == 'n' ? 0 : spec.grouping;
  render_number(parts, spec, sep, 3, out);
  return true;
}

// ---------------------------------------------------------------------------
// format_int (format_long_internal)
// ---------------------------------------------------------------------------

bool format_int(bool negative, const std::function<std::string(int base)>& magnitude_digits,
                const FormatSpec& spec, std::string& out, std::string& error,
                std::string_view type_name) {
  char type = spec.type;
  if (spec.type_cp >= 0x80) type = '\x7f';
  int base = 10;
  std::string_view prefix;
  switch (type) {
    case 0: case 'd': case 'n': break;
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x': base = 16; prefix = "0x"; break;
    case 'X': base = 16; prefix = "0X"; break;
    case 'c':
      error = "format_int: type 'c' needs the value; call format_int_char";
      return false;
    default:
      error = unknown_code(spec, type_name);
      return false;
  }
  if (spec.precision >= 0) {
    error = "Precision not allowed in integer format specifier";
    return false;
  }
  if (spec.no_neg_zero) {
    error = "Negative zero coercion (z) not allowed in integer format specifier";
    return false;
  }
  std::string digits = magnitude_digits(base);
  if (type == 'X')
    for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  NumberParts parts;
  parts.sign = sign_char(spec.sign, negative);
  if (spec.alternate) parts.prefix = prefix;
  parts.digits = digits;
  char sep = type == 'n' ? 0 : spec.grouping;
  int group = (sep == '_' && base != 10) ? 4 : 3;
  render_number(parts, spec, sep, group, out);
  return true;
}

bool format_int_char(int64_t code, const FormatSpec& spec, std::string& out, std::string& error,
                     bool& overflow) {
  overflow = false;
  if (spec.precision >= 0) {
    error = "Precision not allowed in integer format specifier";
    return false;
  }
  if (spec.no_neg_zero) {
    error = "Negative zero coercion (z) not allowed in integer format specifier";
    return false;
  }
  if (spec.sign) {
    error = "Sign not allowed with integer format specifier 'c'";
    return false;
  }
  if (spec.alternate) {
    error = "Alternate form (#) not allowed with integer format specifier 'c'";
    return false;
  }
  if (code < 0 || code > 0x10FFFF) {
    error = "%c arg not in range(0x110000)";
    overflow = true;
    return false;
  }
  std::string ch;
  utf8_append(ch, static_cast<char32_t>(code));
  NumberParts parts;  // the character is "remainder", as CPython's 'c' hack
  parts.remainder = ch;
  render_number(parts, spec, 0, 3, out);
  return true;
}

// ---------------------------------------------------------------------------
// format_str (format_string_internal)
// ---------------------------------------------------------------------------

bool format_str(std::string_view utf8, const FormatSpec& spec, std::string& out, std::string& error,
                std::string_view type_name) {
  const char32_t type = type_code_point(spec);
  if (type == 0 && spec.grouping) {  // type none means 's' for a str
    error = bad_separator(spec.grouping, U's');
    return false;
  }
  if (type != 0 && type != U's') {
    error = unknown_code(spec, type_name);
    return false;
  }
  if (spec.sign) {
    error = spec.sign == ' ' ? "Space not allowed in string format specifier"
                             : "Sign not allowed in string format specifier";
    return false;
  }
  if (spec.no_neg_zero) {
    error = "Negative zero coercion (z) not allowed in string format specifier";
    return false;
  }
  if (spec.alternate) {
    error = "Alternate form (#) not allowed in string format specifier";
    return false;
  }
  if (spec.align == '=') {
    error = "'=' alignment not allowed in string format specifier";
    return false;
  }
  std::string_view text = utf8;
  if (spec.precision >= 0)
    text = utf8.substr(0, utf8_offset_of(utf8, static_cast<size_t>(spec.precision)));
  int len = static_cast<int>(utf8_length(text));
  int padding = spec.width - len;
  int lpad = 0, rpad = 0;
  if (padding > 0) {
    switch (spec.align) {
      case '>': lpad = padding; break;
      case '^': lpad = padding / 2; rpad = padding - lpad; break;
      default: rpad = padding; break;
    }
  }
  out.clear();
  append_fill(out, spec.fill, lpad);
  out.append(text);
  append_fill(out, spec.fill, rpad);
  return true;
}

// ---------------------------------------------------------------------------
// parse_float (PyFloat_FromString)
// ---------------------------------------------------------------------------

std::optional<double> parse_float(std::string_view s) {
  // _PyUnicode_TransformDecimalAndSpaceToASCII: non-ASCII white space becomes
  // ' ', non-ASCII decimal digits their ASCII digit, anything else non-ASCII
  // makes the string invalid.
  std::string a;
  a.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      a.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    char32_t cp = utf8_decode_at(s, i);
    if (is_space(cp)) {
      a.push_back(' ');
    } else if (int d = decimal_value(cp); d >= 0) {
      a.push_back(static_cast<char>('0' + d));
    } else {
      return std::nullopt;
    }
  }
  // Strip ASCII white space (Py_ISSPACE: not \x1c-\x1f).
  auto ascii_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  size_t b = 0, e = a.size();
  while (b < e && ascii_space(a[b])) ++b;
  while (e > b && ascii_space(a[e - 1])) --e;
  // Underscores only between digits (_Py_string_to_number_with_underscores).
  std::string t;
  t.reserve(e - b);
  auto is_dig = [](char c) { return c >= '0' && c <= '9'; };
  char prev = 0;
  for (size_t i = b; i < e; ++i) {
    char c = a[i];
    if (c == '_') {
      if (!is_dig(prev)) return std::nullopt;
    } else {
      if (prev == '_' && !is_dig(c)) return std::nullopt;
      t.push_back(c);
    }
    prev = c;
  }
  if (prev == '_') return std::nullopt;

  // _PyOS_ascii_strtod: sign, then inf/infinity/nan, else a decimal literal.
  size_t p = 0;
  bool neg = false;
  if (p < t.size() && (t[p] == '+' || t[p] == '-')) neg = t[p++] == '-';
  auto lower_rest = [&](size_t from) {
    std::string r = t.substr(from);
    for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return r;
  };
  std::string word = lower_rest(p);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  if (word == "inf" || word == "infinity") return neg ? -kInf : kInf;
  if (word == "nan") return neg ? -kNaN : kNaN;

  size_t q = p;
  size_t mant_digits = 0;
  while (q < t.size() && is_dig(t[q])) ++q, ++mant_digits;
  if (q < t.size() && t[q] == '.') {
    ++q;
    while (q < t.size() && is_dig(t[q])) ++q, ++mant_digits;
  }
  if (mant_digits == 0) return std::nullopt;
  if (q < t.size() && (t[q] == 'e' || t[q] == 'E')) {
    ++q;
    if (q < t.size() && (t[q] == '+' || t[q] == '-')) ++q;
    size_t exp_digits = 0;
    while (q < t.size() && is_dig(t[q])) ++q, ++exp_digits;
    if (exp_digits == 0) return std::nullopt;
  }
  if (q != t.size()) return std::nullopt;

  double value = 0;
  const char* first = t.data() + p;
  const char* last = t.data() + t.size();
  auto r = std::from_chars(first, last, value, std::chars_format::general);
  if (r.ec == std::errc::result_out_of_range) {
    // Overflow or underflow: the decimal exponent of the first non-zero
    // digit (saturating) tells which.
    const char* mant_end = first;
    while (mant_end < last && *mant_end != 'e' && *mant_end != 'E') ++mant_end;
    std::string_view mant(first, static_cast<size_t>(mant_end - first));
    size_t point = std::min(mant.find('.'), mant.size());
    size_t nz = mant.find_first_of("123456789");
    bool found = nz != std::string_view::npos;
    long long lead = 0;
    if (found)
      lead = nz < point ? static_cast<long long>(point - nz) - 1
                        : -static_cast<long long>(nz - point);
    long long exp = 0;
    const char* c = mant_end;
    if (c < last) {
      ++c;
      bool eneg = false;
      if (*c == '+' || *c == '-') eneg = *c++ == '-';
      for (; c < last; ++c) exp = std::min(exp * 10 + (*c - '0'), 1LL << 40);
      if (eneg) exp = -exp;
    }
    value = (found && lead + exp > 0) ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (r.ec != std::errc() || r.ptr != last) {
    return std::nullopt;
  }
  return neg ? -value : value;
}

// ---------------------------------------------------------------------------
// Rounding (float___round___impl, double_round)
// ---------------------------------------------------------------------------

double round_half_even(double x) {
  double r = std::round(x);  // ties away from zero...
  if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);  // ...so fix the ties
  return r;
}

bool round_float(double x, int64_t ndigits, double& out) {
  // Beyond these, x rounds to itself or to a zero: 0.30103 > log10(2).
  constexpr int kNdigitsMax = static_cast<int>((53 - (-1021)) * 0.30103);  // 323
  constexpr int kNdigitsMin = -static_cast<int>((1024 + 1) * 0.30103);     // -308
  if (!std::isfinite(x) || ndigits > kNdigitsMax) {
    out = x;
    return true;
  }
  if (ndigits < kNdigitsMin) {
    out = 0.0 * x;
    return true;
  }
  const bool neg = std::signbit(x);
  const double a = std::fabs(x);
  std::string decimal;  // the rounded value as text, without sign
  if (ndigits >= 0) {
    if (a >= 4503599627370496.0) {  // 2**52: already integral
      out = x;
      return true;
    }
    decimal = to_chars_string(a, std::chars_format::fixed, static_cast<int>(ndigits));
  } else {
    // Round the integer part at 10**k, using the fraction only as a sticky
    // bit for ties (rounding to an integer first would round twice).
    const int k = static_cast<int>(-ndigits);
    const double ip = std::trunc(a);
    const bool sticky = a != ip;
    std::string digits = to_chars_string(ip, std::chars_format::fixed, 0);  // exact
    if (digits.size() < static_cast<size_t>(k) + 1)
      digits.insert(0, static_cast<size_t>(k) + 1 - digits.size(), '0');
    std::string head = digits.substr(0, digits.size() - static_cast<size_t>(k));
    std::string_view tail = std::string_view(digits).substr(head.size());
    int cmp = tail[0] < '5' ? -1 : tail[0] > '5' ? 1 : 0;
    if (cmp == 0) {
      bool rest_zero = tail.find_first_not_of('0', 1) == std::string_view::npos;
      cmp = (!rest_zero || sticky) ? 1 : 0;
    }
    bool up = cmp > 0 || (cmp == 0 && (head.back() - '0') % 2 == 1);
    if (up) {
      size_t i = head.size();
      while (i > 0 && head[i - 1] == '9') head[--i] = '0';
      if (i == 0)
        head.insert(0, "1");
      else
        ++head[i - 1];
    }
    decimal = head + "e" + std::to_string(k);
  }
  double r = 0;
  auto res = std::from_chars(decimal.data(), decimal.data() + decimal.size(), r);
  if (res.ec == std::errc::result_out_of_range) return false;  // only overflow is possible
  out = neg ? -r : r;
  return true;
}

// ---------------------------------------------------------------------------
// % and // (float_rem, _float_div_mod)
// ---------------------------------------------------------------------------

double py_fmod(double a, double b) {
  double mod = std::fmod(a, b);
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(0.0, b);  // signed zeros differ across fmod's
  }
  return mod;
}

void py_divmod(double a, double b, double& div_out, double& mod_out) {
  double mod = std::fmod(a, b);
  // a - mod is an exact multiple of b mathematically; the division may still
  // land slightly off an integer, which the snap below corrects.
  double div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, b);
  }
  double floordiv;
  if (div != 0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, a / b);  // the true quotient's sign
  }
  div_out = floordiv;
  mod_out = mod;
}

double py_floordiv(double a, double b) {
  double div, mod;
  py_divmod(a, b, div, mod);
  return div;
}

// ---------------------------------------------------------------------------
// hash (_Py_HashDouble)
// ---------------------------------------------------------------------------

int64_t hash_double(double x) {
  constexpr int kBits = 61;
  constexpr uint64_t kModulus = (uint64_t{1} << kBits) - 1;
  if (std::isnan(x)) return 0;
  if (std::isinf(x)) return x > 0 ? 314159 : -314159;
  if (x == 0) return 0;
  // |x| = mant * 2**e exactly, mant < 2**53 < modulus.
  int e = 0;
  double m = std::frexp(std::fabs(x), &e);
  uint64_t mant = static_cast<uint64_t>(std::ldexp(m, 53));
  e -= 53;
  // 2**61 == 1 (mod 2**61-1), so multiplying by 2**e is a rotation of the
  // 61-bit residue by e mod 61 (CPython reaches the same value 28 bits at a
  // time).
  int r = ((e % kBits) + kBits) % kBits;
  uint64_t h = r == 0 ? mant : (((mant << r) & kModulus) | (mant >> (kBits - r)));
  int64_t result = static_cast<int64_t>(h);
  if (x < 0) result = -result;
  if (result == -1) result = -2;
  return result;
}

}  // namespace gilvm::text
