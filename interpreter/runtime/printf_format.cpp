// runtime/printf_format.cpp — `str % args` and `bytes % args`; see
// runtime/printf_format.h for the grammar and where the rules come from.
//
// Cost. One std::string is the output buffer for the whole format; literal
// runs are appended in one piece; %s of a str and %d/%s of a small int are
// appended without making any object (the common "%s %d" % (a, b) allocates
// only the result). Everything else makes its text once and copies it in.
#include "runtime/printf_format.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "runtime/number_ops.h"
#include "runtime/numfmt.h"
#include "runtime/unicode.h"
#include "vm/api.h"

namespace gilvm {

namespace {

// The flags of one specifier (CPython's F_LJUST, F_SIGN, F_BLANK, F_ALT,
// F_ZERO).
enum Flag : unsigned { kLeft = 1, kPlus = 2, kBlank = 4, kAlt = 8, kZero = 16 };

// One parsed specifier: flags, width (-1 absent), precision (-1 absent) and
// the type letter (a byte of the format; for a str format, the lead byte of
// a non-ASCII character, which is never a valid type).
struct Spec {
  unsigned flags = 0;
  std::int64_t width = -1;
  std::int64_t prec = -1;
  unsigned char type = 0;
};

// What differs between the targets. `kText`: the format and the result are
// str (UTF-8, widths count code points); otherwise bytes (widths count
// bytes). A bytearray target would be a third traits struct like BytesTarget.
struct StrTarget {
  static constexpr bool kText = true;
  static constexpr std::string_view kWhat = "string";
  static Value make(ThreadState& ts, std::string out) { return new_str(ts, std::move(out)); }
  // Right operands that are not taken as a mapping although they have
  // __getitem__ (PyUnicode_Format: tuples and strs).
  static bool not_a_mapping(Value v) { return as_tuple(v) || as_str(v); }
  // The key of %(key)s, as an object of the format's type.
  static Value make_key(ThreadState& ts, std::string_view key) { return new_str(ts, std::string(key)); }
};

struct BytesTarget {
  static constexpr bool kText = false;
  static constexpr std::string_view kWhat = "bytes";
  static Value make(ThreadState& ts, std::string out) { return new_bytes(ts, std::move(out)); }
  // _PyBytes_FormatEx: tuples, bytes and strs (and bytearrays).
  static bool not_a_mapping(Value v) { return as_tuple(v) || as_bytes(v) || as_str(v); }
  static Value make_key(ThreadState& ts, std::string_view key) { return new_bytes(ts, std::string(key)); }
};

// PyMapping_Check: the type supports subscripting.
bool has_getitem(ThreadState& ts, Value v) {
  if (!v.is_obj()) return false;
  switch (v.as_obj()->kind) {
    case Kind::Dict: case Kind::List: case Kind::Tuple: case Kind::Str: case Kind::Bytes: case Kind::Range:
      return true;
    default:
      return !type_lookup(type_of(ts, v), ts.interp.names.__getitem__).is_null();
  }
}

// PyNumber_Check: int, bool, float, or a type with __index__, __int__ or
// __float__. (Complex numbers also pass in CPython; gilvm has none yet.)
bool is_number(ThreadState& ts, Value v) {
  if (is_int_like(v) || v.is_float()) return true;
  Type* t = type_of(ts, v);
  if (t->builtin) return false;
  const CommonNames& n = ts.interp.names;
  return !type_lookup(t, n.__index__).is_null() || !type_lookup(t, n.__int__).is_null() ||
         !type_lookup(t, n.__float__).is_null();
}

// Appends the decimal digits of n.
void append_int(std::string& out, std::int64_t n) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, r.ptr);
}

template <class Target>
class Formatter {
 public:
  Formatter(ThreadState& ts, std::string_view fmt, Value args)
      : ts_(ts), fmt_(fmt), current_(ts, args) {
    if (Tuple* t = as_tuple(args)) {
      tuple_ = t;
      arglen_ = static_cast<std::int64_t>(t->items.size());
      argidx_ = 0;
    }
    if (has_getitem(ts, args) && !Target::not_a_mapping(args)) dict_ = args;
  }

  Value run() {
    // A result of up to 15 bytes stays in std::string's inline buffer: no
    // allocation besides the str object itself.
    if (fmt_.size() > 15) out_.reserve(fmt_.size() + 16);
    std::size_t pos = 0;
    const std::size_t n = fmt_.size();
    while (pos < n) {
      std::size_t pct = fmt_.find('%', pos);
      if (pct == std::string_view::npos) {
        out_.append(fmt_.substr(pos));
        break;
      }
      out_.append(fmt_.substr(pos, pct - pos));
      pos = pct + 1;
      if (pos < n && fmt_[pos] == '%') {
        out_.push_back('%');
        ++pos;
        continue;
      }
      if (!conversion(pos)) return Value::fail();
    }
    if (argidx_ < arglen_ && dict_.is_null())
      return raise_fmt(ts_, ts_.interp.types.TypeError, "not all arguments converted during {} formatting",
                       Target::kWhat);
    return Target::make(ts_, std::move(out_));
  }

 private:
  // unicode_format_getnextarg: the next tuple item, or the single argument
  // (or the value a key looked up) once.
  Value next_arg() {
    if (argidx_ < arglen_) {
      std::int64_t i = argidx_++;
      return arglen_ < 0 ? current_.get() : tuple_->items[static_cast<std::size_t>(i)];
    }
    return raise(ts_, ts_.interp.types.TypeError, "not enough arguments for format string");
  }

  // The value of a '*': an int (bool included) that fits Py_ssize_t for a
  // width, C int for a precision.
  bool star(std::int64_t& out, bool is_width) {
    Value v = next_arg();
    if (v.is_fail()) return false;
    if (!is_int_like(v)) {
      raise(ts_, ts_.interp.types.TypeError, "* wants int");
      return false;
    }
    bool fits = !as_bigint(v);
    std::int64_t x = fits ? v.as_int() : 0;
    if (!is_width && (x > std::numeric_limits<int>::max() || x < std::numeric_limits<int>::min())) fits = false;
    if (!fits) {
      raise(ts_, ts_.interp.types.OverflowError,
            is_width ? "Python int too large to convert to C ssize_t" : "Python int too large to convert to C int");
      return false;
    }
    out = x;
    return true;
  }

  // Reads the digits after the first one into `value`, leaving the first
  // byte after them in `c`. Sets `ended` when the format ends first, and
  // `failed` (ValueError `too_big` pending) when value would pass `max`
  // (CPython's limits: width PY_SSIZE_T_MAX, precision INT_MAX).
  void digits(std::size_t& pos, unsigned char& c, std::int64_t& value, std::int64_t max, const char* too_big,
              bool& ended, bool& failed) {
    for (;;) {
      if (pos >= fmt_.size()) {
        ended = true;
        return;
      }
      c = static_cast<unsigned char>(fmt_[pos++]);
      masked_ = true;
      if (c < '0' || c > '9') return;
      if (value > (max - (c - '0')) / 10) {
        raise(ts_, ts_.interp.types.ValueError, too_big);
        failed = true;
        return;
      }
      value = value * 10 + (c - '0');
    }
  }

  // One specifier; `pos` is just after its '%'.
  bool conversion(std::size_t& pos) {
    const std::size_t n = fmt_.size();
    Spec sp;
    if (pos < n && fmt_[pos] == '(') {
      if (dict_.is_null()) {
        raise(ts_, ts_.interp.types.TypeError, "format requires a mapping");
        return false;
      }
      std::size_t keystart = ++pos;
      int depth = 1;
      while (depth > 0 && pos < n) {
        if (fmt_[pos] == ')') --depth;
        else if (fmt_[pos] == '(') ++depth;
        ++pos;
      }
      if (depth > 0) {
        raise(ts_, ts_.interp.types.ValueError, "incomplete format key");
        return false;
      }
      Value key = Target::make_key(ts_, fmt_.substr(keystart, pos - 1 - keystart));
      TempRoot key_root(ts_, key);
      Value v = get_item(ts_, dict_, key);
      if (v.is_fail()) return false;
      current_.set(v);
      arglen_ = -1;
      argidx_ = -2;
    }
    // `ended` is CPython's fmtcnt < 0: the format ran out inside the
    // specifier, which is "incomplete format" once any '*' has been taken.
    bool ended = false;
    bool failed = false;
    unsigned char c = 0;
    masked_ = false;
    for (;;) {
      if (pos >= n) {
        ended = true;
        break;
      }
      c = static_cast<unsigned char>(fmt_[pos++]);
      if (c == '-') sp.flags |= kLeft;
      else if (c == '+') sp.flags |= kPlus;
      else if (c == ' ') sp.flags |= kBlank;
      else if (c == '#') sp.flags |= kAlt;
      else if (c == '0') sp.flags |= kZero;
      else break;
    }
    auto advance = [&] {
      if (pos >= n) ended = true;
      else c = static_cast<unsigned char>(fmt_[pos++]);
      masked_ = false;
    };
    if (!ended && c == '*') {
      if (!star(sp.width, true)) return false;
      if (sp.width < 0) {
        sp.flags |= kLeft;
        sp.width = -sp.width;
      }
      advance();
    } else if (!ended && c >= '0' && c <= '9') {
      sp.width = c - '0';
      digits(pos, c, sp.width, std::numeric_limits<std::int64_t>::max(), "width too big", ended, failed);
      if (failed) return false;
    }
    if (!ended && c == '.') {
      sp.prec = 0;
      advance();
      if (!ended && c == '*') {
        if (!star(sp.prec, false)) return false;
        if (sp.prec < 0) sp.prec = 0;
        advance();
      } else if (!ended && c >= '0' && c <= '9') {
        sp.prec = c - '0';
        digits(pos, c, sp.prec, std::numeric_limits<int>::max(), "precision too big", ended, failed);
        if (failed) return false;
      }
    }
    if (!ended && (c == 'h' || c == 'l' || c == 'L')) advance();
    if (ended) {
      raise(ts_, ts_.interp.types.ValueError, "incomplete format");
      return false;
    }
    sp.type = c;
    Value v = next_arg();
    if (v.is_fail()) return false;
    return convert(v, sp, pos - 1);
  }

  // Formats `v` by `sp`; `at` is the byte offset of the type letter.
  bool convert(Value v, const Spec& sp, std::size_t at) {
    switch (sp.type) {
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        return integer(v, sp);
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return floating(v, sp);
      case 'c':
        return character(v, sp);
      case 's':
        return text_of(v, sp, 's');
      case 'r':
        return text_of(v, sp, 'r');
      case 'a':
        return text_of(v, sp, 'a');
      case 'b':
        if (!Target::kText) return text_of(v, sp, 's');
        break;
      default:
        break;
    }
    return unsupported(sp.type, at);
  }

  bool unsupported(unsigned char c, std::size_t at) {
    if constexpr (Target::kText) {
      std::size_t p = at;
      char32_t cp = text::utf8_decode_at(fmt_, p);
      char shown = cp >= 31 && cp <= 126 ? static_cast<char>(cp) : '?';
      std::size_t index = text::utf8_length(fmt_.substr(0, at));
      raise_fmt(ts_, ts_.interp.types.ValueError, "unsupported format character '{}' (0x{:x}) at index {}", shown,
                static_cast<unsigned>(cp), index);
    } else {
      // _PyBytes_FormatEx reads the type byte as a signed char (and hands
      // it to %c, which refuses a negative code point), except after the
      // digits of a width or precision, where it masks it to 0..255.
      if (c >= 0x80 && !masked_) {
        raise(ts_, ts_.interp.types.OverflowError, "character argument not in range(0x110000)");
        return false;
      }
      std::string shown;
      text::utf8_append(shown, c);
      raise_fmt(ts_, ts_.interp.types.ValueError, "unsupported format character '{}' (0x{:x}) at index {}", shown,
                static_cast<unsigned>(c), at);
    }
    return false;
  }

  // --- %s %r %a (and %b) ---------------------------------------------------

  bool text_of(Value v, const Spec& sp, char kind) {
    if constexpr (Target::kText) {
      if (kind == 's') {
        if (Str* s = as_str(v); s && s->type == ts_.interp.types.str) return emit_text(s->s, s->length, sp);
        if (v.is_int() && sp.width < 0 && sp.prec < 0) {
          append_int(out_, v.as_int());
          return true;
        }
      }
      std::optional<std::string> t = kind == 's' ? str_string(ts_, v)
                                     : kind == 'r' ? repr_string(ts_, v)
                                                   : ascii_string(ts_, v);
      if (!t) return false;
      return emit_text(*t, text::utf8_length(*t), sp);
    } else {
      if (kind != 's') {
        std::optional<std::string> t = ascii_string(ts_, v);
        if (!t) return false;
        return emit_text(*t, t->size(), sp);
      }
      if (Bytes* b = as_bytes(v)) return emit_text(b->s, b->s.size(), sp);
      // __bytes__ (before the buffer protocol, as format_obj asks).
      Str* name = ts_.interp.intern("__bytes__");
      if (!type_lookup(type_of(ts_, v), name).is_null()) {
        Value r = call_method(ts_, v, name, {});
        if (r.is_fail()) return false;
        Bytes* b = as_bytes(r);
        if (!b) {
          raise_fmt(ts_, ts_.interp.types.TypeError, "__bytes__ returned non-bytes (type {})", type_name(ts_, r));
          return false;
        }
        return emit_text(b->s, b->s.size(), sp);
      }
      raise_fmt(ts_, ts_.interp.types.TypeError,
                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                type_name(ts_, v));
      return false;
    }
  }

  // Text that precision truncates (to `prec` code points or bytes).
  bool emit_text(std::string_view t, std::size_t len, const Spec& sp) {
    if (sp.prec >= 0 && len > static_cast<std::size_t>(sp.prec)) {
      len = static_cast<std::size_t>(sp.prec);
      t = t.substr(0, Target::kText ? text::utf8_offset_of(t, len) : len);
    }
    return emit(t, len, sp, false);
  }

  // --- %c ------------------------------------------------------------------

  bool character(Value v, const Spec& sp) {
    Type* TE = ts_.interp.types.TypeError;
    constexpr std::int64_t limit = Target::kText ? 0x110000 : 256;
    const char* wrong = Target::kText ? "%c requires int or char" : "%c requires an integer in range(256) or a single byte";
    if constexpr (Target::kText) {
      if (Str* s = as_str(v)) {
        if (s->length != 1) {
          raise(ts_, TE, wrong);
          return false;
        }
        return emit(s->s, 1, sp, false);
      }
    } else {
      if (Bytes* b = as_bytes(v); b && b->s.size() == 1) return emit(b->s, 1, sp, false);
    }
    // PyLong_AsLongAndOverflow: an int, or __index__; a TypeError on the way
    // becomes the "requires" message.
    Value i = v;
    if (!is_int_like(v)) {
      i = Value::null();
      if (!type_lookup(type_of(ts_, v), ts_.interp.names.__index__).is_null()) {
        i = call_method(ts_, v, ts_.interp.names.__index__, {});
        if (i.is_fail()) {
          if (!exception_matches(ts_, TE)) return false;
          take_exception(ts_);
          i = Value::null();
        } else if (!is_int_like(i)) {
          i = Value::null();
        }
      }
      if (i.is_null()) {
        raise(ts_, TE, wrong);
        return false;
      }
    }
    std::int64_t code = as_bigint(i) ? -1 : i.as_int();
    if (code < 0 || code >= limit) {
      raise(ts_, ts_.interp.types.OverflowError,
            Target::kText ? "%c arg not in range(0x110000)" : "%c arg not in range(256)");
      return false;
    }
    std::string one;
    if constexpr (Target::kText) text::utf8_append(one, static_cast<char32_t>(code));
    else one.push_back(static_cast<char>(code));
    return emit(one, 1, sp, false);
  }

  // --- %d %i %u %o %x %X -----------------------------------------------------

  bool integer(Value v, const Spec& sp) {
    const char t = static_cast<char>(sp.type);
    const bool index_only = t == 'o' || t == 'x' || t == 'X';
    // Small ints with no width, precision or sign: the digits straight in.
    if (v.is_int() && sp.width < 0 && sp.prec < 0 && !(sp.flags & (kPlus | kBlank)) && !index_only) {
      append_int(out_, v.as_int());
      return true;
    }
    Value iv = v;
    TempRoot root(ts_, Value::none());
    if (!is_int_like(v)) {
      iv = to_integer(v, index_only);
      if (iv.is_fail()) return false;
      if (iv.is_null()) {
        // _PyBytes_FormatEx turns 'i' into 'd' before converting.
        raise_fmt(ts_, ts_.interp.types.TypeError, "%{} format: {} is required, not {}",
                  !Target::kText && t == 'i' ? 'd' : t,
                  index_only ? "an integer" : "a real number", type_name(ts_, v));
        return false;
      }
      root.set(iv);
    }
    const int base = t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
    // _PyUnicode_FormatLong: sign, the 0o/0x/0X prefix with '#', then the
    // digits zero-extended to the precision.
    std::string digits;
    bool negative;
    if (iv.is_int() || iv.is_bool()) {
      std::int64_t x = iv.as_int();
      negative = x < 0;
      std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
      char buf[72];
      auto r = std::to_chars(buf, buf + sizeof buf, mag, base);
      digits.assign(buf, r.ptr);
    } else {
      bool ok = true;
      digits = int_to_string(ts_, iv, base, ok);
      if (!ok) return false;
      negative = !digits.empty() && digits[0] == '-';
      if (negative) digits.erase(0, 1);
    }
    if (t == 'X')
      for (char& ch : digits)
        if (ch >= 'a' && ch <= 'f') ch = static_cast<char>(ch - 'a' + 'A');
    std::string body;
    body.reserve(digits.size() + 4 + (sp.prec > 0 ? static_cast<std::size_t>(sp.prec) : 0));
    if (negative) body.push_back('-');
    if ((sp.flags & kAlt) && base != 10) {
      body.push_back('0');
      body.push_back(t == 'o' ? 'o' : t);
    }
    if (sp.prec > static_cast<std::int64_t>(digits.size()))
      body.append(static_cast<std::size_t>(sp.prec) - digits.size(), '0');
    body += digits;
    return emit(body, body.size(), sp, true);
  }

  // int(v) for %d i u (PyNumber_Long), v.__index__() for %o x X. Null when
  // v is not a number or the conversion raised TypeError (the caller's
  // "%d format: a real number is required" message); Fail on other errors.
  Value to_integer(Value v, bool index_only) {
    if (!is_number(ts_, v)) return Value::null();
    Value r;
    if (index_only) {
      if (v.is_float() || type_lookup(type_of(ts_, v), ts_.interp.names.__index__).is_null()) return Value::null();
      r = call_method(ts_, v, ts_.interp.names.__index__, {});
      if (!r.is_fail() && !is_int_like(r)) return Value::null();
    } else {
      r = call(ts_, obj(ts_.interp.types.int_), std::span<const Value>(&v, 1));
    }
    if (r.is_fail() && exception_matches(ts_, ts_.interp.types.TypeError)) {
      take_exception(ts_);
      return Value::null();
    }
    return r;
  }

  // --- %e %E %f %F %g %G -----------------------------------------------------

  bool floating(Value v, const Spec& sp) {
    double x;
    if (v.is_float()) {
      x = v.as_float();
    } else if (v.is_int() || v.is_bool()) {
      x = static_cast<double>(v.as_int());
    } else {
      // PyFloat_AsDouble: float(v) without the parsing of str and bytes.
      Value f;
      Type* t = type_of(ts_, v);
      const CommonNames& nm = ts_.interp.names;
      if (is_int_like(v) ||
          (!t->builtin && (!type_lookup(t, nm.__float__).is_null() || !type_lookup(t, nm.__index__).is_null()))) {
        f = call(ts_, obj(ts_.interp.types.float_), std::span<const Value>(&v, 1));
      } else {
        f = raise_fmt(ts_, ts_.interp.types.TypeError, "must be real number, not {}", type_name(ts_, v));
      }
      if (f.is_fail()) {
        // _PyBytes_FormatEx replaces any error with its own message.
        if constexpr (!Target::kText) {
          take_exception(ts_);
          raise_fmt(ts_, ts_.interp.types.TypeError, "float argument required, not {}", type_name(ts_, v));
        }
        return false;
      }
      x = f.as_float();
    }
    text::FormatSpec fs;
    fs.type = static_cast<char>(sp.type);
    fs.precision = sp.prec < 0 ? 6 : static_cast<int>(sp.prec);
    fs.alternate = (sp.flags & kAlt) != 0;
    std::string body, error;
    if (!text::format_float(x, fs, body, error)) {
      raise(ts_, ts_.interp.types.ValueError, error);
      return false;
    }
    return emit(body, body.size(), sp, true);
  }

  // --- padding ----------------------------------------------------------------

  // unicode_format_arg_output: `body` (of `len` code points or bytes) with
  // the sign ('+' / ' ' flags, or the body's own '-'), the 0o/0x prefix of
  // '#' kept in front of zero padding, and width filled with '0' for numbers
  // with the '0' flag (never with '-'), else ' ' on the left or, with '-',
  // on the right.
  bool emit(std::string_view body, std::size_t len, const Spec& sp, bool numeric) {
    if ((sp.width < 0 || static_cast<std::size_t>(sp.width) <= len) && !(numeric && (sp.flags & (kPlus | kBlank)))) {
      out_.append(body);
      return true;
    }
    std::size_t p = 0;
    char sign = 0;
    if (numeric) {
      if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
        sign = body[0];
        ++p;
        --len;
      } else if (sp.flags & kPlus) {
        sign = '+';
      } else if (sp.flags & kBlank) {
        sign = ' ';
      }
    }
    std::int64_t width = sp.width < static_cast<std::int64_t>(len) ? static_cast<std::int64_t>(len) : sp.width;
    if (width - static_cast<std::int64_t>(len) > (std::int64_t{1} << 32)) {
      raise(ts_, ts_.interp.types.MemoryError, "");
      return false;
    }
    const char fill = numeric && (sp.flags & kZero) ? '0' : ' ';
    if (sign) {
      if (fill != ' ') out_.push_back(sign);
      if (width > static_cast<std::int64_t>(len)) --width;
    }
    const bool prefix = numeric && (sp.flags & kAlt) && (sp.type == 'x' || sp.type == 'X' || sp.type == 'o');
    if (prefix) {
      if (fill != ' ') {
        out_.append(body.substr(p, 2));
        p += 2;
      }
      width = width < 2 ? 0 : width - 2;
      len -= 2;
    }
    if (width > static_cast<std::int64_t>(len) && !(sp.flags & kLeft)) {
      out_.append(static_cast<std::size_t>(width) - len, fill);
      width = static_cast<std::int64_t>(len);
    }
    if (fill == ' ') {
      if (sign) out_.push_back(sign);
      if (prefix) {
        out_.append(body.substr(p, 2));
        p += 2;
      }
    }
    out_.append(body.substr(p));
    if (width > static_cast<std::int64_t>(len)) out_.append(static_cast<std::size_t>(width) - len, ' ');
    return true;
  }

  ThreadState& ts_;
  std::string_view fmt_;
  // The source of arguments without an index: the right operand, or the
  // value the last %(key) looked up (rooted: a __getitem__ may make it).
  TempRoot current_;
  Tuple* tuple_ = nullptr;
  Value dict_ = Value::null();  // the right operand when it is a mapping
  // CPython's argidx/arglen: a tuple's next index and length; -2/-1 for a
  // single argument (taken once).
  std::int64_t arglen_ = -1;
  std::int64_t argidx_ = -2;
  std::string out_;
  // The type byte was read by the loop over width or precision digits
  // (for the bytes message quirk in unsupported()).
  bool masked_ = false;
};

}  // namespace

Value printf_format_str(ThreadState& ts, Str* format, Value args) {
  TempRoot root(ts, obj(format));
  return Formatter<StrTarget>(ts, format->s, args).run();
}

Value printf_format_bytes(ThreadState& ts, Bytes* format, Value args) {
  TempRoot root(ts, obj(format));
  return Formatter<BytesTarget>(ts, format->s, args).run();
}

}  // namespace gilvm
