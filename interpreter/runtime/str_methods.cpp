// runtime/str_methods.cpp — the str constructor, the methods of str, and the
// codecs (utf-8, ascii, latin-1) shared with bytes.
//
// Semantics and messages are CPython 3.11's (Objects/unicodeobject.c,
// Objects/stringlib/*, Python/formatter_unicode.c for str.format's field
// grammar in Objects/stringlib/unicode_format.h, Library Reference
// "Text Sequence Type — str" and "Format String Syntax").
//
// Positions. Python counts code points; a Str holds UTF-8. Searching is done
// on bytes (UTF-8 is self-synchronising, so a match of well-formed UTF-8
// always starts on a character boundary) and positions are converted at the
// edges: code point -> byte with text::utf8_offset_of, byte -> code point by
// counting. ASCII strs (s->ascii) skip both conversions. Methods that look at
// characters one by one (case mapping, predicates, expandtabs, translate)
// decode with text::utf8_decode_at.
//
// Arguments. CPython's methods reject bad argument counts with one of a few
// message shapes depending on how each is declared (METH_NOARGS, METH_O,
// Argument Clinic, PyArg_ParseTuple); `unpack` reproduces them, so
// "a".upper(1) says "str.upper() takes no arguments (1 given)" as CPython
// does.
//
// Rooting. Methods that only read strs and build results never run Python
// code, so nothing they hold can be collected. Those that call back
// (join over a generator, format, translate, format_map) keep their
// intermediate objects in TempRoots.
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

namespace gilvm {

namespace {

using stringlib::absent;
using stringlib::check_result_size;
using stringlib::Direction;
using stringlib::Side;
using stringlib::Utf8;

// The receiver of a str method, or TypeError for str.upper(5).
Str* recv(ThreadState& ts, Value self, const char* method) {
  if (Str* s = as_str(self)) return s;
  raise_fmt(ts, ts.interp.types.TypeError, "descriptor '{}' for 'str' objects doesn't apply to a '{}' object",
            method, type_name(ts, self));
  return nullptr;
}

// An argument that must be a str: TypeError "<prefix>must be str, not int".
Str* need_str(ThreadState& ts, Value v, std::string_view prefix = {}) {
  if (Str* s = as_str(v)) return s;
  raise_fmt(ts, ts.interp.types.TypeError, "{}must be str, not {}", prefix, type_name(ts, v));
  return nullptr;
}

// A size argument (width, count, tabsize): an int or __index__.
bool need_index(ThreadState& ts, Value v, std::int64_t& out) {
  std::optional<std::int64_t> i = to_index(ts, v);
  if (!i) return false;
  out = *i;
  return true;
}

// ---------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------

std::u32string decode_all(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out.push_back(text::utf8_decode_at(s, i));
  return out;
}

Value make_str(ThreadState& ts, std::string_view v) { return new_str(ts, std::string(v)); }

// ---------------------------------------------------------------------------
// The constructor
// ---------------------------------------------------------------------------

Value str_ctor(ThreadState& ts, Value self, const Args& a) {
  // A type's constructor is no table row: its signature is parsed on first use.
  static const MethodDef def{"str", str_ctor, "object=<unrepresentable>, encoding='utf-8', errors='strict'"};
  static const Signature sig = parse_signature(def, "str");
  Value v[3];
  if (!bind_args(ts, sig, a, v)) return Value::fail();
  if (v[1].is_null() && v[2].is_null()) {
    if (v[0].is_null()) return new_str(ts, std::string());
    Str* s = str(ts, v[0]);
    return s ? Value::from_obj(s) : Value::fail();
  }
  std::string_view enc = "utf-8", errors = "strict";
  if (!v[1].is_null()) {
    Str* e = as_str(v[1]);
    if (!e) return raise_fmt(ts, ts.interp.types.TypeError, "str() argument 'encoding' must be str, not {}", type_name(ts, v[1]));
    enc = e->s;
  }
  if (!v[2].is_null()) {
    Str* e = as_str(v[2]);
    if (!e) return raise_fmt(ts, ts.interp.types.TypeError, "str() argument 'errors' must be str, not {}", type_name(ts, v[2]));
    errors = e->s;
  }
  if (v[0].is_null()) return new_str(ts, std::string());
  if (Bytes* b = as_bytes(v[0])) return decode_bytes(ts, b->s, enc, errors);
  if (as_str(v[0])) return raise(ts, ts.interp.types.TypeError, "decoding str is not supported");
  return raise_fmt(ts, ts.interp.types.TypeError, "decoding to str: need a bytes-like object, {} found",
                   type_name(ts, v[0]));
}

// ---------------------------------------------------------------------------
// Case
// ---------------------------------------------------------------------------

bool is_titlecase(char32_t c) { return text::is_cased(c) && !text::is_upper(c) && !text::is_lower(c); }

// Title case of one code point: the digraphs have their own title forms;
// for the rest it is the full uppercase with any further code points lowered
// ('ß' -> "Ss", 'ﬁ' -> "Fi"), which is what SpecialCasing gives.
void append_title(std::string& out, char32_t c) {
  switch (c) {
    case 0x01C4: case 0x01C5: case 0x01C6: text::utf8_append(out, 0x01C5); return;
    case 0x01C7: case 0x01C8: case 0x01C9: text::utf8_append(out, 0x01C8); return;
    case 0x01CA: case 0x01CB: case 0x01CC: text::utf8_append(out, 0x01CB); return;
    case 0x01F1: case 0x01F2: case 0x01F3: text::utf8_append(out, 0x01F2); return;
    default: break;
  }
  std::string up;
  text::append_upper(up, c);
  std::size_t i = 0;
  text::utf8_append(out, text::utf8_decode_at(up, i));
  while (i < up.size()) text::append_lower(out, text::utf8_decode_at(up, i));
}

Value str_upper(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "upper");
  if (!s) return Value::fail();
  return new_str(ts, text::str_upper(s->s));
}

Value str_lower(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "lower");
  if (!s) return Value::fail();
  return new_str(ts, text::str_lower(s->s));
}

Value str_casefold(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "casefold");
  if (!s) return Value::fail();
  // Full case folding is lowercasing except for a few code points that fold
  // to several ('ß' -> "ss") or to another lowercase letter ('ſ' -> 's').
  std::string out;
  out.reserve(s->s.size());
  for (std::size_t i = 0; i < s->s.size();) {
    char32_t c = text::utf8_decode_at(s->s, i);
    switch (c) {
      case 0x00DF: case 0x1E9E: out += "ss"; break;
      case 0x017F: out += 's'; break;
      case 0x03C2: text::utf8_append(out, 0x03C3); break;  // final sigma
      case 0x00B5: text::utf8_append(out, 0x03BC); break;  // micro sign
      default: text::append_lower(out, c);
    }
  }
  return new_str(ts, std::move(out));
}

// Lowercases cps[i], applying the Final_Sigma rule of SpecialCasing to
// U+03A3 as CPython's lower_ucs4/handle_capital_sigma do: 'Σ' becomes 'ς'
// when a cased letter precedes it and none follows (case-ignorable
// characters skipped on both sides).
void append_lower_at(std::string& out, const std::u32string& cps, std::size_t i) {
  char32_t c = cps[i];
  if (c != 0x03A3) {
    text::append_lower(out, c);
    return;
  }
  std::size_t j = i;
  while (j > 0 && text::is_case_ignorable(cps[j - 1])) --j;
  bool final_sigma = j > 0 && text::is_cased(cps[j - 1]);
  if (final_sigma) {
    std::size_t k = i + 1;
    while (k < cps.size() && text::is_case_ignorable(cps[k])) ++k;
    final_sigma = k == cps.size() || !text::is_cased(cps[k]);
  }
  text::utf8_append(out, final_sigma ? 0x03C2 : 0x03C3);
}

Value str_capitalize(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "capitalize");
  if (!s) return Value::fail();
  if (s->s.empty()) return Value::from_obj(s);
  std::u32string cps = decode_all(s->s);
  std::string out;
  out.reserve(s->s.size());
  append_title(out, cps[0]);
  for (std::size_t i = 1; i < cps.size(); ++i) append_lower_at(out, cps, i);
  return new_str(ts, std::move(out));
}

Value str_title(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "title");
  if (!s) return Value::fail();
  std::u32string cps = decode_all(s->s);
  std::string out;
  out.reserve(s->s.size());
  bool prev_cased = false;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (prev_cased)
      append_lower_at(out, cps, i);
    else
      append_title(out, c);
    prev_cased = text::is_cased(c);
  }
  return new_str(ts, std::move(out));
}

Value str_swapcase(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "swapcase");
  if (!s) return Value::fail();
  std::u32string cps = decode_all(s->s);
  std::string out;
  out.reserve(s->s.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (text::is_upper(c))
      append_lower_at(out, cps, i);
    else if (text::is_lower(c))
      text::append_upper(out, c);
    else
      text::utf8_append(out, c);
  }
  return new_str(ts, std::move(out));
}

// ---------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------

// "All characters are X and there is at least one".
template <bool (*Pred)(char32_t)>
Value all_chars(ThreadState& ts, Value self, const Args& a, const char* name) {
  Str* s = recv(ts, self, name);
  if (!s) return Value::fail();
  return Value::from_bool(stringlib::all_units<Utf8, Pred>(s->s));
}

Value str_isdigit(ThreadState& ts, Value self, const Args& a) {
  return all_chars<text::is_digit>(ts, self, a, "isdigit");
}
Value str_isdecimal(ThreadState& ts, Value self, const Args& a) {
  return all_chars<text::is_decimal>(ts, self, a, "isdecimal");
}
Value str_isnumeric(ThreadState& ts, Value self, const Args& a) {
  return all_chars<text::is_numeric>(ts, self, a, "isnumeric");
}
Value str_isalpha(ThreadState& ts, Value self, const Args& a) {
  return all_chars<text::is_alpha>(ts, self, a, "isalpha");
}
Value str_isalnum(ThreadState& ts, Value self, const Args& a) {
  return all_chars<text::is_alnum>(ts, self, a, "isalnum");
}
Value str_isspace(ThreadState& ts, Value self, const Args& a) {
  return all_chars<text::is_space>(ts, self, a, "isspace");
}

Value str_isprintable(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "isprintable");
  if (!s) return Value::fail();
  for (std::size_t i = 0; i < s->s.size();)
    if (!text::is_printable(text::utf8_decode_at(s->s, i))) return Value::from_bool(false);
  return Value::from_bool(true);  // '' is printable
}

Value str_isascii(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "isascii");
  if (!s) return Value::fail();
  return Value::from_bool(s->ascii);
}

// isupper/islower: no character of the opposite case (or titlecase) and at
// least one cased character (unicode_isupper_impl).
Value str_isupper(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "isupper");
  if (!s) return Value::fail();
  bool cased = false;
  for (std::size_t i = 0; i < s->s.size();) {
    char32_t c = text::utf8_decode_at(s->s, i);
    if (text::is_lower(c) || is_titlecase(c)) return Value::from_bool(false);
    if (text::is_upper(c)) cased = true;
  }
  return Value::from_bool(cased);
}

Value str_islower(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "islower");
  if (!s) return Value::fail();
  bool cased = false;
  for (std::size_t i = 0; i < s->s.size();) {
    char32_t c = text::utf8_decode_at(s->s, i);
    if (text::is_upper(c) || is_titlecase(c)) return Value::from_bool(false);
    if (text::is_lower(c)) cased = true;
  }
  return Value::from_bool(cased);
}

// istitle: uppercase/titlecase only after an uncased character, lowercase
// only after a cased one, and at least one cased character.
Value str_istitle(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "istitle");
  if (!s) return Value::fail();
  bool cased = false, prev_cased = false;
  for (std::size_t i = 0; i < s->s.size();) {
    char32_t c = text::utf8_decode_at(s->s, i);
    if (text::is_upper(c) || is_titlecase(c)) {
      if (prev_cased) return Value::from_bool(false);
      prev_cased = cased = true;
    } else if (text::is_lower(c)) {
      if (!prev_cased) return Value::from_bool(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return Value::from_bool(cased);
}

Value str_isidentifier(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "isidentifier");
  if (!s) return Value::fail();
  if (s->s.empty()) return Value::from_bool(false);
  std::size_t i = 0;
  if (!text::is_identifier_start(text::utf8_decode_at(s->s, i))) return Value::from_bool(false);
  while (i < s->s.size())
    if (!text::is_identifier_continue(text::utf8_decode_at(s->s, i))) return Value::from_bool(false);
  return Value::from_bool(true);
}

// ---------------------------------------------------------------------------
// Splitting and joining
// ---------------------------------------------------------------------------

// maxsplit: absent or negative means no limit.
bool get_maxsplit(ThreadState& ts, Value v, std::int64_t& out) {
  out = -1;
  if (v.is_null()) return true;
  if (!need_index(ts, v, out)) return false;
  if (out < 0) out = INT64_MAX;
  return true;
}

Value split_impl(ThreadState& ts, Value self, const Args& a, bool right) {
  const char* name = right ? "rsplit" : "split";
  Str* s = recv(ts, self, name);
  if (!s) return Value::fail();
  const Args& v = a;
  std::int64_t maxsplit;
  if (!get_maxsplit(ts, v[1], maxsplit)) return Value::fail();
  Str* sep = nullptr;
  if (!absent(v[0])) {
    sep = as_str(v[0]);
    if (!sep)
      return raise_fmt(ts, ts.interp.types.TypeError, "must be str or None, not {}", type_name(ts, v[0]));
    if (sep->s.empty()) return raise(ts, ts.interp.types.ValueError, "empty separator");
  }
  // With a separator, a text that does not split is returned as itself.
  std::string_view t = s->s;
  return stringlib::split<Utf8>(ts, t, sep, maxsplit, right ? Direction::Reverse : Direction::Forward,
                                [&](std::size_t i, std::size_t j) {
                                  if (sep && i == 0 && j == t.size()) return Value::from_obj(s);
                                  return make_str(ts, t.substr(i, j - i));
                                });
}

Value str_split(ThreadState& ts, Value self, const Args& a) { return split_impl(ts, self, a, false); }
Value str_rsplit(ThreadState& ts, Value self, const Args& a) { return split_impl(ts, self, a, true); }

Value str_splitlines(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "splitlines");
  if (!s) return Value::fail();
  const Args& v = a;
  bool keepends = false;
  if (!v[0].is_null()) {
    if (v[0].is_float())
      return raise(ts, ts.interp.types.TypeError, "'float' object cannot be interpreted as an integer");
    int k = truthy(ts, v[0]);
    if (k < 0) return Value::fail();
    keepends = k == 1;
  }
  return stringlib::splitlines<Utf8>(ts, s->s, keepends);
}

Value str_join(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "join");
  if (!s) return Value::fail();
  const Args& v = a;
  return stringlib::join<Utf8>(ts, s->s, v[0], "str instance", true);
}

Value partition_impl(ThreadState& ts, Value self, const Args& a, bool right) {
  Str* s = recv(ts, self, right ? "rpartition" : "partition");
  if (!s) return Value::fail();
  const Args& v = a;
  Str* sep = need_str(ts, v[0]);
  if (!sep) return Value::fail();
  if (sep->s.empty()) return raise(ts, ts.interp.types.ValueError, "empty separator");
  return stringlib::partition<Utf8>(ts, Value::from_obj(s), s->s, Value::from_obj(sep), sep->s,
                                    right ? Direction::Reverse : Direction::Forward);
}

Value str_partition(ThreadState& ts, Value self, const Args& a) { return partition_impl(ts, self, a, false); }
Value str_rpartition(ThreadState& ts, Value self, const Args& a) { return partition_impl(ts, self, a, true); }

// ---------------------------------------------------------------------------
// Stripping
// ---------------------------------------------------------------------------

using stringlib::kBoth;
using stringlib::kLeft;
using stringlib::kRight;

Value strip_impl(ThreadState& ts, Value self, const Args& a, int side, const char* name) {
  Str* s = recv(ts, self, name);
  if (!s) return Value::fail();
  const Args& v = a;
  Str* chars = nullptr;
  if (!absent(v[0])) {
    chars = as_str(v[0]);
    if (!chars) return raise_fmt(ts, ts.interp.types.TypeError, "{} arg must be None or str", name);
  }
  return stringlib::strip<Utf8>(ts, Value::from_obj(s), s->s, chars, static_cast<Side>(side));
}

Value str_strip(ThreadState& ts, Value self, const Args& a) { return strip_impl(ts, self, a, kBoth, "strip"); }
Value str_lstrip(ThreadState& ts, Value self, const Args& a) { return strip_impl(ts, self, a, kLeft, "lstrip"); }
Value str_rstrip(ThreadState& ts, Value self, const Args& a) { return strip_impl(ts, self, a, kRight, "rstrip"); }

Value str_removeprefix(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "removeprefix");
  if (!s) return Value::fail();
  const Args& v = a;
  Str* p = as_str(v[0]);
  if (!p) return raise_fmt(ts, ts.interp.types.TypeError, "removeprefix() argument must be str, not {}", type_name(ts, v[0]));
  if (p->s.empty() || !std::string_view(s->s).starts_with(p->s)) return Value::from_obj(s);
  return make_str(ts, std::string_view(s->s).substr(p->s.size()));
}

Value str_removesuffix(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "removesuffix");
  if (!s) return Value::fail();
  const Args& v = a;
  Str* p = as_str(v[0]);
  if (!p) return raise_fmt(ts, ts.interp.types.TypeError, "removesuffix() argument must be str, not {}", type_name(ts, v[0]));
  if (p->s.empty() || !std::string_view(s->s).ends_with(p->s)) return Value::from_obj(s);
  return make_str(ts, std::string_view(s->s).substr(0, s->s.size() - p->s.size()));
}

// ---------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------

// find/rfind/index/rindex: the code point index of the match, or -1.
// Returns false on an argument error.
bool find_impl(ThreadState& ts, Value self, const Args& a, bool right, const char* name, std::int64_t& result) {
  Str* s = recv(ts, self, name);
  if (!s) return false;
  const Args& v = a;
  Str* sub = need_str(ts, v[0]);
  if (!sub) return false;
  std::int64_t start, end;
  if (!stringlib::adjust_indices(ts, v[1], v[2], Utf8::units(s), start, end)) return false;
  result = stringlib::find<Utf8>(s, sub->s, Utf8::units(sub), start, end,
                                 right ? Direction::Reverse : Direction::Forward);
  return true;
}

Value str_find(ThreadState& ts, Value self, const Args& a) {
  std::int64_t r;
  if (!find_impl(ts, self, a, false, "find", r)) return Value::fail();
  return Value::from_int(r);
}
Value str_rfind(ThreadState& ts, Value self, const Args& a) {
  std::int64_t r;
  if (!find_impl(ts, self, a, true, "rfind", r)) return Value::fail();
  return Value::from_int(r);
}
Value str_index(ThreadState& ts, Value self, const Args& a) {
  std::int64_t r;
  if (!find_impl(ts, self, a, false, "index", r)) return Value::fail();
  if (r < 0) return raise(ts, ts.interp.types.ValueError, "substring not found");
  return Value::from_int(r);
}
Value str_rindex(ThreadState& ts, Value self, const Args& a) {
  std::int64_t r;
  if (!find_impl(ts, self, a, true, "rindex", r)) return Value::fail();
  if (r < 0) return raise(ts, ts.interp.types.ValueError, "substring not found");
  return Value::from_int(r);
}

Value str_count(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "count");
  if (!s) return Value::fail();
  const Args& v = a;
  Str* sub = need_str(ts, v[0]);
  if (!sub) return Value::fail();
  std::int64_t start, end;
  if (!stringlib::adjust_indices(ts, v[1], v[2], Utf8::units(s), start, end)) return Value::fail();
  return Value::from_int(stringlib::count<Utf8>(s, sub->s, start, end));
}

// startswith/endswith: `prefix` may be a tuple of strs (tailmatch).
Value affix_impl(ThreadState& ts, Value self, const Args& a, bool end_side) {
  const char* name = end_side ? "endswith" : "startswith";
  Str* s = recv(ts, self, name);
  if (!s) return Value::fail();
  const Args& v = a;
  return stringlib::startswith<Utf8>(
      ts, s, v[0], v[1], v[2], end_side ? stringlib::kRight : stringlib::kLeft,
      [&](Value item, bool in_tuple) -> const Str* {
        if (Str* sub = as_str(item)) return sub;
        if (in_tuple)
          raise_fmt(ts, ts.interp.types.TypeError, "tuple for {} must only contain str, not {}", name,
                    type_name(ts, item));
        else
          raise_fmt(ts, ts.interp.types.TypeError, "{} first arg must be str or a tuple of str, not {}", name,
                    type_name(ts, item));
        return nullptr;
      });
}

Value str_startswith(ThreadState& ts, Value self, const Args& a) { return affix_impl(ts, self, a, false); }
Value str_endswith(ThreadState& ts, Value self, const Args& a) { return affix_impl(ts, self, a, true); }

// ---------------------------------------------------------------------------
// Replacing and padding
// ---------------------------------------------------------------------------

Value str_replace(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "replace");
  if (!s) return Value::fail();
  const Args& v = a;
  Str* old = need_str(ts, v[0], "replace() argument 1 ");
  if (!old) return Value::fail();
  Str* rep = need_str(ts, v[1], "replace() argument 2 ");
  if (!rep) return Value::fail();
  std::int64_t count = -1;
  if (!v[2].is_null() && !need_index(ts, v[2], count)) return Value::fail();
  if (count == 0) return Value::from_obj(s);
  std::string out;
  std::int64_t made = stringlib::replace<Utf8>(ts, s->s, Utf8::units(s), old->s, rep->s, count, out);
  if (made < 0) return Value::fail();
  if (made == 0 && !old->s.empty()) return Value::from_obj(s);
  return new_str(ts, std::move(out));
}

// The fill character argument of center/ljust/rjust.
bool fill_char(ThreadState& ts, Value v, std::string& fill) {
  fill = " ";
  if (v.is_null()) return true;
  Str* f = as_str(v);
  if (!f) {
    raise_fmt(ts, ts.interp.types.TypeError, "The fill character must be a unicode character, not {}",
              type_name(ts, v));
    return false;
  }
  if (f->length != 1) {
    raise(ts, ts.interp.types.TypeError, "The fill character must be exactly one character long");
    return false;
  }
  fill = f->s;
  return true;
}

// 0: ljust, 1: rjust, 2: center.
Value pad_impl(ThreadState& ts, Value self, const Args& a, int how, const char* name) {
  Str* s = recv(ts, self, name);
  if (!s) return Value::fail();
  const Args& v = a;
  std::int64_t width;
  if (!need_index(ts, v[0], width)) return Value::fail();
  std::string fill;
  if (!fill_char(ts, v[1], fill)) return Value::fail();
  std::int64_t len = static_cast<std::int64_t>(s->length);
  if (width <= len) return Value::from_obj(s);
  std::string out;
  if (!stringlib::pad(ts, s->s, len, width, fill, static_cast<stringlib::Justify>(how), out)) return Value::fail();
  return new_str(ts, std::move(out));
}

Value str_ljust(ThreadState& ts, Value self, const Args& a) { return pad_impl(ts, self, a, 0, "ljust"); }
Value str_rjust(ThreadState& ts, Value self, const Args& a) { return pad_impl(ts, self, a, 1, "rjust"); }
Value str_center(ThreadState& ts, Value self, const Args& a) { return pad_impl(ts, self, a, 2, "center"); }

Value str_zfill(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "zfill");
  if (!s) return Value::fail();
  const Args& v = a;
  std::int64_t width;
  if (!need_index(ts, v[0], width)) return Value::fail();
  std::int64_t len = static_cast<std::int64_t>(s->length);
  if (width <= len) return Value::from_obj(s);
  std::string out;
  if (!stringlib::zfill(ts, s->s, len, width, out)) return Value::fail();
  return new_str(ts, std::move(out));
}

Value str_expandtabs(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "expandtabs");
  if (!s) return Value::fail();
  const Args& v = a;
  std::int64_t tab = 8;
  if (!v[0].is_null() && !need_index(ts, v[0], tab)) return Value::fail();
  std::string out;
  if (!stringlib::expandtabs<Utf8>(ts, s->s, tab, out)) return Value::fail();
  return new_str(ts, std::move(out));
}

// ---------------------------------------------------------------------------
// translate / maketrans
// ---------------------------------------------------------------------------

Value str_translate(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "translate");
  if (!s) return Value::fail();
  const Args& v = a;
  Value table = v[0];
  std::string out;
  out.reserve(s->s.size());
  for (std::size_t i = 0; i < s->s.size();) {
    std::size_t k = i;
    char32_t c = text::utf8_decode_at(s->s, k);
    Value r = get_item(ts, table, Value::from_int(c));
    if (r.is_fail()) {
      if (!exception_matches(ts, ts.interp.types.LookupError)) return Value::fail();
      take_exception(ts);
      out.append(s->s, i, k - i);
    } else if (r.is_none()) {
      // deleted
    } else if (r.is_int() || r.is_bool() || as_bigint(r)) {
      std::optional<std::int64_t> cp = r.is_int() || r.is_bool() ? std::optional<std::int64_t>(r.as_int()) : std::nullopt;
      if (!cp || *cp < 0 || *cp > 0x10FFFF)
        return raise(ts, ts.interp.types.ValueError, "character mapping must be in range(0x110000)");
      text::utf8_append(out, static_cast<char32_t>(*cp));
    } else if (Str* rs = as_str(r)) {
      out += rs->s;
    } else {
      return raise(ts, ts.interp.types.TypeError, "character mapping must return integer, None or str");
    }
    i = k;
  }
  return new_str(ts, std::move(out));
}

// str.maketrans(x[, y[, z]]): a static method (no receiver).
Value str_maketrans(ThreadState& ts, Value self, const Args& a) {
  static const MethodDef def{"maketrans", str_maketrans, "x, y=<unrepresentable>, z=<unrepresentable>, /",
                             Style::Positional};
  static const Signature sig = parse_signature(def, "str.maketrans");
  Value v[3];
  if (!bind_args(ts, sig, a, v)) return Value::fail();
  Dict* d = new_dict(ts);
  TempRoot root(ts, Value::from_obj(d));
  if (v[1].is_null()) {
    Dict* src = as_dict(v[0]);
    if (!src)
      return raise(ts, ts.interp.types.TypeError, "if you give only one argument to maketrans it must be a dict");
    std::vector<std::pair<Value, Value>> items;
    dict_for_each(src, [&](Value k, Value val) { items.emplace_back(k, val); });
    for (auto& [k, val] : items) {
      Value key = k;
      if (Str* ks = as_str(k)) {
        if (ks->length != 1)
          return raise(ts, ts.interp.types.ValueError, "string keys in translate table must be of length 1");
        std::size_t p = 0;
        key = Value::from_int(text::utf8_decode_at(ks->s, p));
      } else if (!is_int_like(k)) {
        return raise(ts, ts.interp.types.TypeError, "keys in translate table must be strings or integers");
      }
      if (!dict_set(ts, d, key, val)) return Value::fail();
    }
    return Value::from_obj(d);
  }
  Str* x = as_str(v[0]);
  if (!x) return raise_fmt(ts, ts.interp.types.TypeError, "maketrans() argument 1 must be str, not {}", type_name(ts, v[0]));
  Str* y = as_str(v[1]);
  if (!y) return raise_fmt(ts, ts.interp.types.TypeError, "maketrans() argument 2 must be str, not {}", type_name(ts, v[1]));
  if (x->length != y->length)
    return raise(ts, ts.interp.types.ValueError, "the first two maketrans arguments must have equal length");
  std::u32string xs = decode_all(x->s), ys = decode_all(y->s);
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (!dict_set(ts, d, Value::from_int(xs[i]), Value::from_int(ys[i]))) return Value::fail();
  if (!v[2].is_null()) {
    Str* z = as_str(v[2]);
    if (!z) return raise_fmt(ts, ts.interp.types.TypeError, "maketrans() argument 3 must be str, not {}", type_name(ts, v[2]));
    for (char32_t c : decode_all(z->s))
      if (!dict_set(ts, d, Value::from_int(c), Value::none())) return Value::fail();
  }
  return Value::from_obj(d);
}

// ---------------------------------------------------------------------------
// encode
// ---------------------------------------------------------------------------

Value str_encode(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "encode");
  if (!s) return Value::fail();
  const Args& v = a;
  std::string_view enc = "utf-8", errors = "strict";
  if (!v[0].is_null()) {
    Str* e = as_str(v[0]);
    if (!e) return raise_fmt(ts, ts.interp.types.TypeError, "encode() argument 'encoding' must be str, not {}", type_name(ts, v[0]));
    enc = e->s;
  }
  if (!v[1].is_null()) {
    Str* e = as_str(v[1]);
    if (!e) return raise_fmt(ts, ts.interp.types.TypeError, "encode() argument 'errors' must be str, not {}", type_name(ts, v[1]));
    errors = e->s;
  }
  return encode_str(ts, s, enc, errors);
}

// ---------------------------------------------------------------------------
// str.format (Library Reference "Format String Syntax";
// Objects/stringlib/unicode_format.h)
// ---------------------------------------------------------------------------

// ascii(x): repr with every non-ASCII code point escaped.
std::string ascii_escape(std::string_view repr_text) {
  std::string out;
  for (std::size_t i = 0; i < repr_text.size();) {
    char32_t c = text::utf8_decode_at(repr_text, i);
    if (c < 0x80)
      out.push_back(static_cast<char>(c));
    else if (c <= 0xFF)
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    else if (c <= 0xFFFF)
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    else
      out += fmt::format("\\U{:08x}", static_cast<unsigned>(c));
  }
  return out;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

struct Formatter {
  explicit Formatter(ThreadState& t) : ts(t) {}
  ThreadState& ts;
  const Value* pos = nullptr;  // positional arguments (format)
  std::size_t npos = 0;
  bool have_pos = true;        // false for format_map: "{}" is an error
  const Args* kwargs = nullptr;  // keyword arguments (format)
  Value mapping;               // the mapping (format_map), or Null
  enum { kUnknown, kAuto, kManual } numbering = kUnknown;
  std::int64_t next_auto = 0;

  bool fail_value(std::string_view msg) {
    raise(ts, ts.interp.types.ValueError, msg);
    return false;
  }

  // The object named by `first`, the part of a field name before any '.'
  // or '[' (field_name_split and the lookup in get_field_object).
  Value lookup_first(std::string_view first) {
    bool empty = first.empty();
    std::int64_t index = -1;
    if (!empty && all_digits(first)) {
      if (first.size() > 18) {
        raise(ts, ts.interp.types.ValueError, "Too many decimal digits in format string");
        return Value::fail();
      }
      index = std::stoll(std::string(first));
    }
    if (empty || index >= 0) {
      // Auto numbering and manual numbering cannot be mixed.
      if (empty) {
        if (numbering == kManual) {
          raise(ts, ts.interp.types.ValueError,
                "cannot switch from manual field specification to automatic field numbering");
          return Value::fail();
        }
        numbering = kAuto;
        index = next_auto++;
      } else {
        if (numbering == kAuto) {
          raise(ts, ts.interp.types.ValueError,
                "cannot switch from automatic field numbering to manual field specification");
          return Value::fail();
        }
        numbering = kManual;
      }
      if (!have_pos) {
        raise(ts, ts.interp.types.ValueError, "Format string contains positional fields");
        return Value::fail();
      }
      if (static_cast<std::size_t>(index) >= npos) {
        raise_fmt(ts, ts.interp.types.IndexError, "Replacement index {} out of range for positional args tuple",
                  index);
        return Value::fail();
      }
      return pos[index];
    }
    if (!mapping.is_null()) {
      Value key = make_str(ts, first);
      TempRoot root(ts, key);
      Value r = get_item(ts, mapping, key);
      return r;
    }
    if (kwargs != nullptr)
      for (std::size_t k = 0; k < kwargs->nkw; ++k)
        if (kwargs->kwnames[k]->s == first) return kwargs->kwvalues[k];
    Value key = make_str(ts, first);
    TempRoot root(ts, key);
    Value exc = new_exception(ts, ts.interp.types.KeyError, std::span<const Value>(&key, 1));
    if (exc.is_fail()) return exc;
    return raise(ts, exc);
  }

  // Resolves a whole field name: first part, then .attr and [key] steps.
  Value resolve(std::string_view name) {
    std::size_t i = 0;
    while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
    Value obj = lookup_first(name.substr(0, i));
    if (obj.is_fail()) return obj;
    TempRoot root(ts, obj);
    while (i < name.size()) {
      char c = name[i++];
      if (c == '.') {
        std::size_t j = i;
        while (j < name.size() && name[j] != '.' && name[j] != '[') ++j;
        if (j == i) {
          fail_value("Empty attribute in format string");
          return Value::fail();
        }
        Str* attr = ts.interp.intern(name.substr(i, j - i));
        obj = get_attr(ts, obj, attr);
        i = j;
      } else if (c == '[') {
        std::size_t j = name.find(']', i);
        if (j == std::string_view::npos) {
          fail_value("Missing ']' in format string");
          return Value::fail();
        }
        if (j == i) {
          fail_value("Empty attribute in format string");
          return Value::fail();
        }
        std::string_view key = name.substr(i, j - i);
        Value k = all_digits(key) && key.size() <= 18 ? Value::from_int(std::stoll(std::string(key)))
                                                     : make_str(ts, key);
        TempRoot kroot(ts, k);
        obj = get_item(ts, obj, k);
        i = j + 1;
        if (i < name.size() && name[i] != '.' && name[i] != '[') {
          fail_value("Only '.' or '[' may follow ']' in format field specifier");
          return Value::fail();
        }
      } else {
        fail_value("Only '.' or '[' may follow ']' in format field specifier");
        return Value::fail();
      }
      if (obj.is_fail()) return obj;
      root.set(obj);
    }
    return obj;
  }

  // One replacement field: name, conversion ('\0' for none), spec text.
  bool render_field(std::string_view name, char conversion, std::string_view spec, bool spec_has_fields,
                    int depth, std::string& out) {
    Value obj = resolve(name);
    if (obj.is_fail()) return false;
    TempRoot root(ts, obj);
    if (conversion != 0) {
      Str* conv = nullptr;
      if (conversion == 'r' || conversion == 'a') {
        conv = repr(ts, obj);
        if (conv && conversion == 'a' && !conv->ascii) {
          Value esc = new_str(ts, ascii_escape(conv->s));
          conv = as_str(esc);
        }
      } else if (conversion == 's') {
        conv = str(ts, obj);
      } else {
        if (static_cast<unsigned char>(conversion) > 32 && static_cast<unsigned char>(conversion) < 127)
          raise_fmt(ts, ts.interp.types.ValueError, "Unknown conversion specifier {}", conversion);
        else
          raise_fmt(ts, ts.interp.types.ValueError, "Unknown conversion specifier \\x{:x}",
                    static_cast<unsigned char>(conversion));
        return false;
      }
      if (!conv) return false;
      obj = Value::from_obj(conv);
      root.set(obj);
    }
    std::string expanded;
    if (spec_has_fields) {
      if (!build(spec, depth - 1, expanded)) return false;
      spec = expanded;
    }
    // Fast path: a str with an empty spec is itself.
    if (spec.empty()) {
      if (Str* s = as_str(obj)) {
        out += s->s;
        return true;
      }
    }
    Value r = format_value(ts, obj, spec);
    if (r.is_fail()) return false;
    Str* rs = as_str(r);
    if (!rs) {
      raise_fmt(ts, ts.interp.types.TypeError, "__format__ must return a str, not {}", type_name(ts, r));
      return false;
    }
    out += rs->s;
    return true;
  }

  // build_string / MarkupIterator_next: literal text with {{ and }}, and
  // replacement fields.
  bool build(std::string_view f, int depth, std::string& out) {
    if (depth <= 0) return fail_value("Max string recursion exceeded");
    std::size_t i = 0, n = f.size();
    while (i < n) {
      char c = f[i];
      if (c != '{' && c != '}') {
        std::size_t j = i;
        while (j < n && f[j] != '{' && f[j] != '}') ++j;
        out.append(f.substr(i, j - i));
        i = j;
        continue;
      }
      if (c == '}') {
        if (i + 1 < n && f[i + 1] == '}') {
          out.push_back('}');
          i += 2;
          continue;
        }
        return fail_value("Single '}' encountered in format string");
      }
      // c == '{'
      if (i + 1 >= n) return fail_value("Single '{' encountered in format string");
      if (f[i + 1] == '{') {
        out.push_back('{');
        i += 2;
        continue;
      }
      ++i;
      // The field name runs to '}', ':' or '!'; '[...]' may contain any of
      // them.
      std::size_t name_start = i;
      char last = 0;
      while (i < n) {
        last = f[i++];
        if (last == '{') return fail_value("unexpected '{' in field name");
        if (last == '[') {
          while (i < n && f[i] != ']') ++i;
          last = 0;
          continue;
        }
        if (last == '}' || last == ':' || last == '!') break;
        last = 0;
      }
      if (last == 0) return fail_value("expected '}' before end of string");
      std::string_view name = f.substr(name_start, i - 1 - name_start);
      char conversion = 0;
      std::string_view spec;
      bool spec_has_fields = false;
      if (last == '!') {
        if (i >= n) return fail_value("end of string while looking for conversion specifier");
        conversion = f[i++];
        if (i >= n) return fail_value("unmatched '{' in format spec");
        last = f[i++];
        if (last != '}' && last != ':') return fail_value("expected ':' after conversion specifier");
      }
      if (last == ':') {
        std::size_t spec_start = i;
        int nest = 1;
        while (i < n) {
          char d = f[i++];
          if (d == '{') {
            ++nest;
            spec_has_fields = true;
          } else if (d == '}' && --nest == 0) {
            break;
          }
        }
        if (nest != 0) return fail_value("unmatched '{' in format spec");
        spec = f.substr(spec_start, i - 1 - spec_start);
      }
      if (!render_field(name, conversion, spec, spec_has_fields, depth, out)) return false;
    }
    return true;
  }
};

Value str_format(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "format");
  if (!s) return Value::fail();
  Formatter f(ts);
  f.pos = a.pos;
  f.npos = a.npos;
  f.kwargs = &a;
  std::string out;
  if (!f.build(s->s, 2, out)) return Value::fail();
  return new_str(ts, std::move(out));
}

Value str_format_map(ThreadState& ts, Value self, const Args& a) {
  Str* s = recv(ts, self, "format_map");
  if (!s) return Value::fail();
  const Args& v = a;
  Formatter f(ts);
  f.have_pos = false;
  f.mapping = v[0];
  std::string out;
  if (!f.build(s->s, 2, out)) return Value::fail();
  return new_str(ts, std::move(out));
}

// ---------------------------------------------------------------------------
// Codecs
// ---------------------------------------------------------------------------

enum class Codec : std::uint8_t { Utf8, Ascii, Latin1 };

const char* codec_name(Codec c) {
  switch (c) {
    case Codec::Utf8: return "utf-8";
    case Codec::Ascii: return "ascii";
    case Codec::Latin1: return "latin-1";
  }
  return "";
}

// Normalises as encodings.normalize_encoding does (case, '-' and ' ' as
// '_') and accepts the common aliases.
bool lookup_codec(ThreadState& ts, std::string_view name, Codec& out) {
  std::string n;
  for (char c : name) {
    if (c == '-' || c == ' ') c = '_';
    n.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  static constexpr std::string_view kUtf8[] = {"utf_8", "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4"};
  static constexpr std::string_view kAscii[] = {"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "cp367", "csascii", "iso646_us", "ibm367", "iso_ir_6"};
  static constexpr std::string_view kLatin1[] = {"latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1", "ibm819", "iso_8859_1:1987"};
  for (auto x : kUtf8)
    if (n == x) return out = Codec::Utf8, true;
  for (auto x : kAscii)
    if (n == x) return out = Codec::Ascii, true;
  for (auto x : kLatin1)
    if (n == x) return out = Codec::Latin1, true;
  raise_fmt(ts, ts.interp.types.LookupError, "unknown encoding: {}", name);
  return false;
}

// UnicodeDecodeError / UnicodeEncodeError, or UnicodeError if the builtins
// do not have them.
Type* unicode_error(ThreadState& ts, std::string_view name) {
  Value t = dict_get_cstr(ts.interp, ts.interp.builtins, name);
  if (Type* ty = as_type(t)) return ty;
  return ts.interp.types.UnicodeError;
}

enum class Handler : std::uint8_t { Strict, Ignore, Replace, BackslashReplace, XmlCharRefReplace, SurrogateEscape, SurrogatePass, Unknown };

Handler lookup_handler(std::string_view e) {
  if (e == "strict") return Handler::Strict;
  if (e == "ignore") return Handler::Ignore;
  if (e == "replace") return Handler::Replace;
  if (e == "backslashreplace") return Handler::BackslashReplace;
  if (e == "xmlcharrefreplace") return Handler::XmlCharRefReplace;
  if (e == "surrogateescape") return Handler::SurrogateEscape;
  if (e == "surrogatepass") return Handler::SurrogatePass;
  return Handler::Unknown;
}

Value unknown_handler(ThreadState& ts, std::string_view errors) {
  return raise_fmt(ts, ts.interp.types.LookupError, "unknown error handler name '{}'", errors);
}

// The length of the valid prefix of a UTF-8 sequence at data[i], the
// sequence length when complete (ok = true), and the reason when not
// (CPython's utf-8 decoder: the error range is the valid prefix, at least
// the lead byte).
struct Utf8Check {
  std::size_t len;
  bool ok;
  const char* reason;
};

Utf8Check check_utf8_at(std::string_view d, std::size_t i) {
  unsigned char c = static_cast<unsigned char>(d[i]);
  std::size_t need;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return {1, false, "invalid start byte"};
  }
  for (std::size_t k = 1; k <= need; ++k) {
    if (i + k >= d.size()) return {d.size() - i, false, "unexpected end of data"};
    unsigned char b = static_cast<unsigned char>(d[i + k]);
    unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) return {k, false, "invalid continuation byte"};
  }
  return {need + 1, true, nullptr};
}

std::string char_escape(char32_t c) {
  if (c <= 0xFF) return fmt::format("\\x{:02x}", static_cast<unsigned>(c));
  if (c <= 0xFFFF) return fmt::format("\\u{:04x}", static_cast<unsigned>(c));
  return fmt::format("\\U{:08x}", static_cast<unsigned>(c));
}

}  // namespace

Value decode_bytes(ThreadState& ts, std::string_view data, std::string_view encoding, std::string_view errors) {
  Codec codec;
  if (!lookup_codec(ts, encoding, codec)) return Value::fail();
  if (codec == Codec::Utf8 && text::utf8_valid(data)) return new_str(ts, std::string(data));
  if (codec == Codec::Ascii && text::is_ascii(data)) return new_str(ts, std::string(data));
  std::string out;
  out.reserve(data.size());
  if (codec == Codec::Latin1) {
    for (char c : data) text::utf8_append(out, static_cast<unsigned char>(c));
    return new_str(ts, std::move(out));
  }
  Handler h = lookup_handler(errors);
  std::size_t i = 0;
  while (i < data.size()) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    std::size_t bad;
    const char* reason;
    if (codec == Codec::Utf8) {
      Utf8Check chk = check_utf8_at(data, i);
      if (chk.ok) {
        out.append(data.substr(i, chk.len));
        i += chk.len;
        continue;
      }
      bad = chk.len;
      reason = chk.reason;
    } else {
      bad = 1;
      reason = "ordinal not in range(128)";
    }
    switch (h) {
      case Handler::Strict:
      case Handler::XmlCharRefReplace:
      case Handler::SurrogatePass: {
        if (h != Handler::Strict && h != Handler::SurrogatePass) {
          return raise(ts, ts.interp.types.TypeError,
                       "don't know how to handle UnicodeDecodeError in error callback");
        }
        Type* t = unicode_error(ts, "UnicodeDecodeError");
        if (bad == 1)
          return raise_fmt(ts, t, "'{}' codec can't decode byte 0x{:02x} in position {}: {}", codec_name(codec),
                           static_cast<unsigned>(c), i, reason);
        return raise_fmt(ts, t, "'{}' codec can't decode bytes in position {}-{}: {}", codec_name(codec), i,
                         i + bad - 1, reason);
      }
      case Handler::Ignore: break;
      case Handler::Replace: text::utf8_append(out, 0xFFFD); break;
      case Handler::BackslashReplace:
        for (std::size_t k = 0; k < bad; ++k) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(data[i + k]));
        break;
      case Handler::SurrogateEscape:
        for (std::size_t k = 0; k < bad; ++k) text::utf8_append(out, 0xDC00 + static_cast<unsigned char>(data[i + k]));
        break;
      case Handler::Unknown: return unknown_handler(ts, errors);
    }
    i += bad;
  }
  return new_str(ts, std::move(out));
}

Value encode_str(ThreadState& ts, Str* s, std::string_view encoding, std::string_view errors) {
  Codec codec;
  if (!lookup_codec(ts, encoding, codec)) return Value::fail();
  std::string_view t = s->s;
  if (s->ascii) return new_bytes(ts, std::string(t));
  if (codec == Codec::Utf8) {
    // Well-formed unless it holds an encoded surrogate (ED A0..BF ..).
    bool surrogates = false;
    for (std::size_t i = 0; i + 1 < t.size(); ++i)
      if (static_cast<unsigned char>(t[i]) == 0xED && static_cast<unsigned char>(t[i + 1]) >= 0xA0) surrogates = true;
    if (!surrogates) return new_bytes(ts, std::string(t));
  }
  const char32_t limit = codec == Codec::Ascii ? 0x80 : 0x100;
  auto encodable = [&](char32_t c) {
    if (codec == Codec::Utf8) return c < 0xD800 || c > 0xDFFF;
    return c < limit;
  };
  Handler h = lookup_handler(errors);
  std::u32string cps = decode_all(t);
  std::string out;
  out.reserve(t.size());
  std::size_t i = 0;
  while (i < cps.size()) {
    char32_t c = cps[i];
    if (encodable(c)) {
      if (codec == Codec::Utf8)
        text::utf8_append(out, c);
      else
        out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < cps.size() && !encodable(cps[j])) ++j;
    const char* reason = codec == Codec::Utf8 ? "surrogates not allowed"
                         : codec == Codec::Ascii ? "ordinal not in range(128)"
                                                 : "ordinal not in range(256)";
    bool strict = false;
    switch (h) {
      case Handler::Strict: strict = true; break;
      case Handler::Ignore: break;
      case Handler::Replace: out.append(j - i, '?'); break;
      case Handler::BackslashReplace:
        for (std::size_t k = i; k < j; ++k) out += char_escape(cps[k]);
        break;
      case Handler::XmlCharRefReplace:
        for (std::size_t k = i; k < j; ++k) out += fmt::format("&#{};", static_cast<unsigned>(cps[k]));
        break;
      case Handler::SurrogateEscape:
        for (std::size_t k = i; k < j; ++k) {
          if (cps[k] < 0xDC80 || cps[k] > 0xDCFF) {
            j = k + 1;
            i = k;
            strict = true;
            break;
          }
          out.push_back(static_cast<char>(cps[k] - 0xDC00));
        }
        break;
      case Handler::SurrogatePass:
        if (codec == Codec::Utf8) {
          for (std::size_t k = i; k < j; ++k) text::utf8_append(out, cps[k]);
        } else {
          strict = true;
        }
        break;
      case Handler::Unknown: return unknown_handler(ts, errors);
    }
    if (strict) {
      Type* et = unicode_error(ts, "UnicodeEncodeError");
      if (j - i == 1) {
        return raise_fmt(ts, et, "'{}' codec can't encode character '{}' in position {}: {}", codec_name(codec),
                         char_escape(cps[i]), i, reason);
      }
      return raise_fmt(ts, et, "'{}' codec can't encode characters in position {}-{}: {}", codec_name(codec), i,
                       j - 1, reason);
    }
    i = j;
  }
  return new_bytes(ts, std::move(out));
}

void init_str_methods(Interpreter& interp) {
  Type* t = interp.types.str;
  t->ctor = str_ctor;
  static const MethodDef defs[] = {
      {"upper", str_upper, "", Style::NoArgs},
      {"lower", str_lower, "", Style::NoArgs},
      {"casefold", str_casefold, "", Style::NoArgs},
      {"capitalize", str_capitalize, "", Style::NoArgs},
      {"title", str_title, "", Style::NoArgs},
      {"swapcase", str_swapcase, "", Style::NoArgs},
      {"isdigit", str_isdigit, "", Style::NoArgs},
      {"isdecimal", str_isdecimal, "", Style::NoArgs},
      {"isnumeric", str_isnumeric, "", Style::NoArgs},
      {"isalpha", str_isalpha, "", Style::NoArgs},
      {"isalnum", str_isalnum, "", Style::NoArgs},
      {"isspace", str_isspace, "", Style::NoArgs},
      {"isprintable", str_isprintable, "", Style::NoArgs},
      {"isascii", str_isascii, "", Style::NoArgs},
      {"isupper", str_isupper, "", Style::NoArgs},
      {"islower", str_islower, "", Style::NoArgs},
      {"istitle", str_istitle, "", Style::NoArgs},
      {"isidentifier", str_isidentifier, "", Style::NoArgs},
      {"split", str_split, "sep=None, maxsplit=-1", Style::Keywords},
      {"rsplit", str_rsplit, "sep=None, maxsplit=-1", Style::Keywords},
      {"splitlines", str_splitlines, "keepends=False", Style::Keywords},
      {"join", str_join, "iterable, /", Style::One},
      {"partition", str_partition, "sep, /", Style::One},
      {"rpartition", str_rpartition, "sep, /", Style::One},
      {"strip", str_strip, "chars=None, /", Style::Positional},
      {"lstrip", str_lstrip, "chars=None, /", Style::Positional},
      {"rstrip", str_rstrip, "chars=None, /", Style::Positional},
      {"removeprefix", str_removeprefix, "prefix, /", Style::One},
      {"removesuffix", str_removesuffix, "suffix, /", Style::One},
      {"find", str_find, "sub, start=None, end=None, /", Style::Getargs},
      {"rfind", str_rfind, "sub, start=None, end=None, /", Style::Getargs},
      {"index", str_index, "sub, start=None, end=None, /", Style::Getargs},
      {"rindex", str_rindex, "sub, start=None, end=None, /", Style::Getargs},
      {"count", str_count, "sub, start=None, end=None, /", Style::Getargs},
      {"startswith", str_startswith, "prefix, start=None, end=None, /", Style::Getargs},
      {"endswith", str_endswith, "prefix, start=None, end=None, /", Style::Getargs},
      {"replace", str_replace, "old, new, count=-1, /", Style::Positional},
      {"center", str_center, "width, fillchar=' ', /", Style::Positional},
      {"ljust", str_ljust, "width, fillchar=' ', /", Style::Positional},
      {"rjust", str_rjust, "width, fillchar=' ', /", Style::Positional},
      {"zfill", str_zfill, "width, /", Style::One},
      {"expandtabs", str_expandtabs, "tabsize=8", Style::Keywords},
      {"translate", str_translate, "table, /", Style::One},
      {"encode", str_encode, "encoding='utf-8', errors='strict'", Style::Keywords},
      {"format", str_format},
      {"format_map", str_format_map, "mapping, /", Style::One},
  };
  add_methods(interp, t, defs);
  // str.maketrans is a static method: called on the type or an instance,
  // its arguments are all in `a`.
  Native* mk = interp.heap.make<Native>(interp.types.builtin_function, str_maketrans, "maketrans");
  dict_set_cstr(interp, t->dict, "maketrans", Value::from_obj(mk));

  // UnicodeDecodeError and UnicodeEncodeError (subclasses of UnicodeError),
  // unless the exception table already defines them.
  for (const char* name : {"UnicodeDecodeError", "UnicodeEncodeError"}) {
    if (as_type(dict_get_cstr(interp, interp.builtins, name)) != nullptr) continue;
    Type* e = make_builtin_type(interp, name, interp.types.UnicodeError, Kind::Exception);
    e->ctor = interp.types.UnicodeError->ctor;
    dict_set_cstr(interp, interp.builtins, name, Value::from_obj(e));
  }
}

}  // namespace gilvm
