// runtime/bytes_methods.cpp — the bytes constructor and the methods of bytes
// that everyday programs use (Objects/bytesobject.c, Objects/bytes_methods.c;
// Library Reference "Bytes and Bytearray Operations").
//
// bytes is a sequence of byte values, so unlike str every position is a
// byte offset and nothing needs decoding. Whitespace for split()/strip() is
// ASCII whitespace only (space \t \n \v \f \r, Py_ISSPACE), and case methods
// touch ASCII letters only. Where CPython accepts "a bytes-like object",
// gilvm accepts bytes (it has no bytearray or memoryview); find/count/index
// also take an int byte value, as CPython's do.
//
// Subscripts (bytes_getitem), + and * and comparison are the core's, in
// runtime/str_ops.cpp and the eval loop; the codecs are in str_methods.cpp.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/init.h"
#include "runtime/str_ops.h"
#include "runtime/stringlib.h"
#include "runtime/unicode.h"
#include "vm/api.h"
#include "vm/iterate.h"

namespace gilvm {

namespace {

using stringlib::absent;
using stringlib::Byte;
using stringlib::Direction;
using stringlib::Side;

bool is_space(unsigned char c) { return Byte::is_space(c); }

Bytes* recv(ThreadState& ts, Value self, const char* method) {
  if (Bytes* b = as_bytes(self)) return b;
  raise_fmt(ts, ts.interp.types.TypeError, "descriptor '{}' for 'bytes' objects doesn't apply to a '{}' object",
            method, type_name(ts, self));
  return nullptr;
}

// "a bytes-like object is required, not 'int'"
Bytes* need_bytes(ThreadState& ts, Value v) {
  if (Bytes* b = as_bytes(v)) return b;
  raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, v));
  return nullptr;
}

// The needle of find/count/index: bytes, or an int byte value.
bool needle(ThreadState& ts, Value v, std::string& out) {
  if (Bytes* b = as_bytes(v)) {
    out = b->s;
    return true;
  }
  if (is_int_like(v)) {
    std::optional<std::int64_t> i = to_index(ts, v);
    if (!i) return false;
    if (*i < 0 || *i > 255) {
      raise(ts, ts.interp.types.ValueError, "byte must be in range(0, 256)");
      return false;
    }
    out.assign(1, static_cast<char>(*i));
    return true;
  }
  raise_fmt(ts, ts.interp.types.TypeError, "argument should be integer or bytes-like object, not '{}'",
            type_name(ts, v));
  return false;
}

Value make_bytes(ThreadState& ts, std::string_view v) { return new_bytes(ts, std::string(v)); }

// ---------------------------------------------------------------------------
// The constructor: bytes(), bytes(n), bytes(iterable_of_ints),
// bytes(str, encoding[, errors]), bytes(bytes), bytes(x) with __bytes__.
// ---------------------------------------------------------------------------

Value bytes_ctor(ThreadState& ts, Value self, const Args& a) {
  // A type's constructor is no table row: its signature is parsed on first use.
  static const MethodDef def{"bytes", bytes_ctor, "source=<unrepresentable>, encoding=<unrepresentable>, errors=<unrepresentable>"};
  static const Signature sig = parse_signature(def, "bytes");
  Value v[3];
  if (!bind_args(ts, sig, a, v)) return Value::fail();
  Type* TE = ts.interp.types.TypeError;
  if (v[0].is_null()) {
    if (!v[1].is_null()) return raise(ts, TE, "encoding without a string argument");
    if (!v[2].is_null()) return raise(ts, TE, "errors without a string argument");
    return new_bytes(ts, std::string());
  }
  Value src = v[0];
  if (Str* s = as_str(src)) {
    if (v[1].is_null()) return raise(ts, TE, "string argument without an encoding");
    Str* enc = as_str(v[1]);
    if (!enc) return raise_fmt(ts, TE, "bytes() argument 'encoding' must be str, not {}", type_name(ts, v[1]));
    std::string_view errors = "strict";
    if (!v[2].is_null()) {
      Str* e = as_str(v[2]);
      if (!e) return raise_fmt(ts, TE, "bytes() argument 'errors' must be str, not {}", type_name(ts, v[2]));
      errors = e->s;
    }
    return encode_str(ts, s, enc->s, errors);
  }
  if (!v[1].is_null()) return raise(ts, TE, "encoding without a string argument");
  if (!v[2].is_null()) return raise(ts, TE, "errors without a string argument");
  if (as_bytes(src)) return src;
  // __bytes__ first (PyBytes_FromObject order: __bytes__, buffer, then
  // an integer count, then an iterable).
  Value dunder = type_lookup(type_of(ts, src), ts.interp.intern("__bytes__"));
  if (!dunder.is_null()) {
    Value r = call_method(ts, src, ts.interp.intern("__bytes__"), {});
    if (r.is_fail()) return r;
    if (!as_bytes(r))
      return raise_fmt(ts, TE, "__bytes__ returned non-bytes (type {})", type_name(ts, r));
    return r;
  }
  if (is_int_like(src) || !type_lookup(type_of(ts, src), ts.interp.names.__index__).is_null()) {
    std::optional<std::int64_t> n = to_index(ts, src);
    if (!n) return Value::fail();
    if (*n < 0) return raise(ts, ts.interp.types.ValueError, "negative count");
    if (*n > (std::int64_t{1} << 34)) return raise(ts, ts.interp.types.OverflowError, "cannot fit 'int' into an index-sized integer");
    return new_bytes(ts, std::string(static_cast<std::size_t>(*n), '\0'));
  }
  auto add = [&](Value item, std::string& out) -> bool {
    std::optional<std::int64_t> i = to_index(ts, item);
    if (!i) return false;
    if (*i < 0 || *i > 255) {
      raise(ts, ts.interp.types.ValueError, "bytes must be in range(0, 256)");
      return false;
    }
    out.push_back(static_cast<char>(*i));
    return true;
  };
  std::string out;
  if (!for_each_item(ts, src, [&](Value item) { return add(item, out); },
                     [&] { raise_fmt(ts, TE, "cannot convert '{}' object to bytes", type_name(ts, src)); }))
    return Value::fail();
  return new_bytes(ts, std::move(out));
}

// ---------------------------------------------------------------------------
// Conversions
// ---------------------------------------------------------------------------

Value bytes_decode(ThreadState& ts, Value self, const Args& a) {
  Bytes* b = recv(ts, self, "decode");
  if (!b) return Value::fail();
  const Args& v = a;
  std::string_view enc = "utf-8", errors = "strict";
  if (!v[0].is_null()) {
    Str* e = as_str(v[0]);
    if (!e) return raise_fmt(ts, ts.interp.types.TypeError, "decode() argument 'encoding' must be str, not {}", type_name(ts, v[0]));
    enc = e->s;
  }
  if (!v[1].is_null()) {
    Str* e = as_str(v[1]);
    if (!e) return raise_fmt(ts, ts.interp.types.TypeError, "decode() argument 'errors' must be str, not {}", type_name(ts, v[1]));
    errors = e->s;
  }
  return decode_bytes(ts, b->s, enc, errors);
}

// hex([sep[, bytes_per_sep]]): groups of bytes_per_sep bytes counted from
// the right (from the left when negative), as _Py_strhex_impl.
Value bytes_hex(ThreadState& ts, Value self, const Args& a) {
  Bytes* b = recv(ts, self, "hex");
  if (!b) return Value::fail();
  const Args& v = a;
  static const char kDigits[] = "0123456789abcdef";
  std::string sep;
  if (!absent(v[0])) {
    if (Str* s = as_str(v[0])) {
      sep = s->s;
      if (s->length != 1) return raise(ts, ts.interp.types.ValueError, "sep must be length 1.");
      if (!s->ascii) return raise(ts, ts.interp.types.ValueError, "sep must be ASCII.");
    } else if (Bytes* sb = as_bytes(v[0])) {
      sep = sb->s;
      if (sep.size() != 1) return raise(ts, ts.interp.types.ValueError, "sep must be length 1.");
    } else {
      return raise(ts, ts.interp.types.TypeError, "sep must be str or bytes.");
    }
  }
  std::int64_t per = 1;
  if (!v[1].is_null()) {
    std::optional<std::int64_t> p = to_index(ts, v[1]);
    if (!p) return Value::fail();
    per = *p;
  }
  const std::string& d = b->s;
  std::string out;
  out.reserve(d.size() * 3);
  std::size_t n = d.size();
  std::size_t group = static_cast<std::size_t>(per < 0 ? -per : per);
  for (std::size_t i = 0; i < n; ++i) {
    if (!sep.empty() && group > 0 && i > 0) {
      // Separator before byte i when a group boundary falls there.
      bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) out += sep;
    }
    unsigned char c = static_cast<unsigned char>(d[i]);
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return new_str(ts, std::move(out));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// bytes.fromhex(string): a class method, registered as a plain function in
// the type's dict, so the string is a[0] whether it is called on the type
// or on an instance.
Value bytes_fromhex(ThreadState& ts, Value self, const Args& a) {
  static const MethodDef def{"fromhex", bytes_fromhex, "string, /", Style::One};
  static const Signature sig = parse_signature(def, "bytes.fromhex");
  Value v[1];
  if (!bind_args(ts, sig, a, v)) return Value::fail();
  Str* s = as_str(v[0]);
  if (!s) return raise_fmt(ts, ts.interp.types.TypeError, "fromhex() argument must be str, not {}", type_name(ts, v[0]));
  const std::string& t = s->s;
  std::string out;
  std::size_t i = 0;
  // Positions in the message are code point positions; non-ASCII text
  // fails at its first non-ASCII character, so count code points up to it.
  auto cp_pos = [&](std::size_t byte) {
    return s->ascii ? byte : text::utf8_length(std::string_view(t).substr(0, byte));
  };
  while (i < t.size()) {
    if (is_space(static_cast<unsigned char>(t[i]))) {
      ++i;
      continue;
    }
    int hi = hex_value(t[i]);
    if (hi < 0) return raise_fmt(ts, ts.interp.types.ValueError, "non-hexadecimal number found in fromhex() arg at position {}", cp_pos(i));
    if (i + 1 >= t.size() || hex_value(t[i + 1]) < 0)
      return raise_fmt(ts, ts.interp.types.ValueError, "non-hexadecimal number found in fromhex() arg at position {}", cp_pos(i + 1));
    out.push_back(static_cast<char>(hi * 16 + hex_value(t[i + 1])));
    i += 2;
  }
  return new_bytes(ts, std::move(out));
}

// ---------------------------------------------------------------------------
// Splitting, joining, stripping
// ---------------------------------------------------------------------------

Value split_impl(ThreadState& ts, Value self, const Args& a, bool right) {
  Bytes* b = recv(ts, self, right ? "rsplit" : "split");
  if (!b) return Value::fail();
  const Args& v = a;
  std::int64_t maxsplit = -1;
  if (!v[1].is_null()) {
    std::optional<std::int64_t> m = to_index(ts, v[1]);
    if (!m) return Value::fail();
    maxsplit = *m;
  }
  Bytes* sep = nullptr;
  if (!absent(v[0])) {
    sep = need_bytes(ts, v[0]);
    if (!sep) return Value::fail();
    if (sep->s.empty()) return raise(ts, ts.interp.types.ValueError, "empty separator");
  }
  std::string_view t = b->s;
  return stringlib::split<Byte>(ts, t, sep, maxsplit, right ? Direction::Reverse : Direction::Forward,
                                [&](std::size_t i, std::size_t j) { return make_bytes(ts, t.substr(i, j - i)); });
}

Value bytes_split(ThreadState& ts, Value self, const Args& a) { return split_impl(ts, self, a, false); }
Value bytes_rsplit(ThreadState& ts, Value self, const Args& a) { return split_impl(ts, self, a, true); }

Value bytes_join(ThreadState& ts, Value self, const Args& a) {
  Bytes* b = recv(ts, self, "join");
  if (!b) return Value::fail();
  const Args& v = a;
  return stringlib::join<Byte>(ts, b->s, v[0], "a bytes-like object", false);
}

Value strip_impl(ThreadState& ts, Value self, const Args& a, bool left, bool right, const char* name) {
  Bytes* b = recv(ts, self, name);
  if (!b) return Value::fail();
  const Args& v = a;
  Bytes* chars = nullptr;
  if (!absent(v[0]) && !(chars = need_bytes(ts, v[0]))) return Value::fail();
  return stringlib::strip<Byte>(ts, self, b->s, chars,
                                static_cast<Side>((left ? stringlib::kLeft : 0) | (right ? stringlib::kRight : 0)));
}

Value bytes_strip(ThreadState& ts, Value self, const Args& a) { return strip_impl(ts, self, a, true, true, "strip"); }
Value bytes_lstrip(ThreadState& ts, Value self, const Args& a) { return strip_impl(ts, self, a, true, false, "lstrip"); }
Value bytes_rstrip(ThreadState& ts, Value self, const Args& a) { return strip_impl(ts, self, a, false, true, "rstrip"); }

// ---------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------

// find/rfind/index/rindex: the index of the match or -1; false on error.
bool find_impl(ThreadState& ts, Value self, const Args& a, bool right, const char* name,
               std::int64_t& result) {
  Bytes* b = recv(ts, self, name);
  if (!b) return false;
  const Args& v = a;
  std::string sub;
  if (!needle(ts, v[0], sub)) return false;
  std::int64_t start, end;
  if (!stringlib::adjust_indices(ts, v[1], v[2], Byte::units(b), start, end)) return false;
  result = stringlib::find<Byte>(b, sub, static_cast<std::int64_t>(sub.size()), start, end,
                                 right ? Direction::Reverse : Direction::Forward);
  return true;
}

Value bytes_find(ThreadState& ts, Value self, const Args& a) {
  std::int64_t r;
  if (!find_impl(ts, self, a, false, "find", r)) return Value::fail();
  return Value::from_int(r);
}
Value bytes_rfind(ThreadState& ts, Value self, const Args& a) {
  std::int64_t r;
  if (!find_impl(ts, self, a, true, "rfind", r)) return Value::fail();
  return Value::from_int(r);
}
Value bytes_index(ThreadState& ts, Value self, const Args& a) {
  std::int64_t r;
  if (!find_impl(ts, self, a, false, "index", r)) return Value::fail();
  if (r < 0) return raise(ts, ts.interp.types.ValueError, "subsection not found");
  return Value::from_int(r);
}
Value bytes_rindex(ThreadState& ts, Value self, const Args& a) {
  std::int64_t r;
  if (!find_impl(ts, self, a, true, "rindex", r)) return Value::fail();
  if (r < 0) return raise(ts, ts.interp.types.ValueError, "subsection not found");
  return Value::from_int(r);
}

Value bytes_count(ThreadState& ts, Value self, const Args& a) {
  Bytes* b = recv(ts, self, "count");
  if (!b) return Value::fail();
  const Args& v = a;
  std::string sub;
  if (!needle(ts, v[0], sub)) return Value::fail();
  std::int64_t start, end;
  if (!stringlib::adjust_indices(ts, v[1], v[2], Byte::units(b), start, end)) return Value::fail();
  return Value::from_int(stringlib::count<Byte>(b, sub, start, end));
}

Value affix_impl(ThreadState& ts, Value self, const Args& a, bool end_side) {
  const char* name = end_side ? "endswith" : "startswith";
  Bytes* b = recv(ts, self, name);
  if (!b) return Value::fail();
  const Args& v = a;
  return stringlib::startswith<Byte>(
      ts, b, v[0], v[1], v[2], end_side ? stringlib::kRight : stringlib::kLeft,
      [&](Value item, bool in_tuple) -> const Bytes* {
        if (Bytes* sub = as_bytes(item)) return sub;
        if (in_tuple)
          raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, item));
        else
          raise_fmt(ts, ts.interp.types.TypeError, "{} first arg must be bytes or a tuple of bytes, not {}", name,
                    type_name(ts, item));
        return nullptr;
      });
}

Value bytes_startswith(ThreadState& ts, Value self, const Args& a) { return affix_impl(ts, self, a, false); }
Value bytes_endswith(ThreadState& ts, Value self, const Args& a) { return affix_impl(ts, self, a, true); }

Value bytes_partition_impl(ThreadState& ts, Value self, const Args& a, bool right) {
  Bytes* b = recv(ts, self, right ? "rpartition" : "partition");
  if (!b) return Value::fail();
  const Args& v = a;
  Bytes* sep = need_bytes(ts, v[0]);
  if (!sep) return Value::fail();
  if (sep->s.empty()) return raise(ts, ts.interp.types.ValueError, "empty separator");
  return stringlib::partition<Byte>(ts, self, b->s, v[0], sep->s, right ? Direction::Reverse : Direction::Forward);
}

Value bytes_partition(ThreadState& ts, Value self, const Args& a) { return bytes_partition_impl(ts, self, a, false); }
Value bytes_rpartition(ThreadState& ts, Value self, const Args& a) { return bytes_partition_impl(ts, self, a, true); }

// ---------------------------------------------------------------------------
// replace and case
// ---------------------------------------------------------------------------

Value bytes_replace(ThreadState& ts, Value self, const Args& a) {
  Bytes* b = recv(ts, self, "replace");
  if (!b) return Value::fail();
  const Args& v = a;
  Bytes* old = need_bytes(ts, v[0]);
  if (!old) return Value::fail();
  Bytes* rep = need_bytes(ts, v[1]);
  if (!rep) return Value::fail();
  std::int64_t count = -1;
  if (!v[2].is_null()) {
    std::optional<std::int64_t> c = to_index(ts, v[2]);
    if (!c) return Value::fail();
    count = *c;
  }
  std::string out;
  if (stringlib::replace<Byte>(ts, b->s, Byte::units(b), old->s, rep->s, count, out) < 0) return Value::fail();
  return new_bytes(ts, std::move(out));
}

template <char (*Map)(char)>
Value map_bytes(ThreadState& ts, Value self, const Args& a, const char* name) {
  Bytes* b = recv(ts, self, name);
  if (!b) return Value::fail();
  std::string out = b->s;
  for (char& c : out) c = Map(c);
  return new_bytes(ts, std::move(out));
}

char up(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; }
char down(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
char swap(char c) { return c >= 'a' && c <= 'z' ? up(c) : down(c); }

Value bytes_upper(ThreadState& ts, Value self, const Args& a) { return map_bytes<up>(ts, self, a, "upper"); }
Value bytes_lower(ThreadState& ts, Value self, const Args& a) { return map_bytes<down>(ts, self, a, "lower"); }
Value bytes_swapcase(ThreadState& ts, Value self, const Args& a) { return map_bytes<swap>(ts, self, a, "swapcase"); }

template <bool (*Pred)(unsigned char)>
Value all_bytes(ThreadState& ts, Value self, const Args& a, const char* name) {
  Bytes* b = recv(ts, self, name);
  if (!b) return Value::fail();
  return Value::from_bool(stringlib::all_units<Byte, Pred>(b->s));
}

bool digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool alnum(unsigned char c) { return digit(c) || alpha(c); }

Value bytes_isdigit(ThreadState& ts, Value self, const Args& a) { return all_bytes<digit>(ts, self, a, "isdigit"); }
Value bytes_isalpha(ThreadState& ts, Value self, const Args& a) { return all_bytes<alpha>(ts, self, a, "isalpha"); }
Value bytes_isalnum(ThreadState& ts, Value self, const Args& a) { return all_bytes<alnum>(ts, self, a, "isalnum"); }
Value bytes_isspace(ThreadState& ts, Value self, const Args& a) { return all_bytes<is_space>(ts, self, a, "isspace"); }

}  // namespace

void init_bytes_methods(Interpreter& interp) {
  Type* t = interp.types.bytes;
  t->ctor = bytes_ctor;
  static const MethodDef defs[] = {
      {"decode", bytes_decode, "encoding='utf-8', errors='strict'", Style::Keywords},
      {"hex", bytes_hex, "sep=<unrepresentable>, bytes_per_sep=1", Style::Keywords},
      {"split", bytes_split, "sep=None, maxsplit=-1", Style::Keywords},
      {"rsplit", bytes_rsplit, "sep=None, maxsplit=-1", Style::Keywords},
      {"join", bytes_join, "iterable_of_bytes, /", Style::One},
      {"strip", bytes_strip, "bytes=None, /", Style::Positional},
      {"lstrip", bytes_lstrip, "bytes=None, /", Style::Positional},
      {"rstrip", bytes_rstrip, "bytes=None, /", Style::Positional},
      {"find", bytes_find, "sub, start=None, end=None, /", Style::Getargs},
      {"rfind", bytes_rfind, "sub, start=None, end=None, /", Style::Getargs},
      {"index", bytes_index, "sub, start=None, end=None, /", Style::Getargs},
      {"rindex", bytes_rindex, "sub, start=None, end=None, /", Style::Getargs},
      {"count", bytes_count, "sub, start=None, end=None, /", Style::Getargs},
      {"startswith", bytes_startswith, "prefix, start=None, end=None, /", Style::Getargs},
      {"endswith", bytes_endswith, "prefix, start=None, end=None, /", Style::Getargs},
      {"partition", bytes_partition, "sep, /", Style::One},
      {"rpartition", bytes_rpartition, "sep, /", Style::One},
      {"replace", bytes_replace, "old, new, count=-1, /", Style::Positional},
      {"upper", bytes_upper, "", Style::NoArgs},
      {"lower", bytes_lower, "", Style::NoArgs},
      {"swapcase", bytes_swapcase, "", Style::NoArgs},
      {"isdigit", bytes_isdigit, "", Style::NoArgs},
      {"isalpha", bytes_isalpha, "", Style::NoArgs},
      {"isalnum", bytes_isalnum, "", Style::NoArgs},
      {"isspace", bytes_isspace, "", Style::NoArgs},
  };
  add_methods(interp, t, defs);
  Native* fromhex = interp.heap.make<Native>(interp.types.builtin_function, bytes_fromhex, "fromhex");
  dict_set_cstr(interp, t->dict, "fromhex", Value::from_obj(fromhex));
}

}  // namespace gilvm
