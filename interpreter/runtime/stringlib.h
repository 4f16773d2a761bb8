// runtime/stringlib.h — the string algorithms written once for every text
// representation: str (runtime/str_methods.cpp), bytes
// (runtime/bytes_methods.cpp) and, when it comes, bytearray. CPython keeps
// the same algorithms once in Objects/stringlib and includes them per
// element type; here a C++ template over a *representation* does the job.
//
// The design. Every representation stores its contents as bytes in a
// std::string, and every algorithm below works on a std::string_view of
// those bytes, with byte offsets. What differs between representations is
// captured by a small traits struct (Utf8 for str, Byte for bytes):
//
//   Object             the heap object (Str, Bytes)
//   cast(v)            v as an Object, or null
//   Unit               one element: a code point (char32_t) or a byte
//   view(o)            the bytes of o
//   units(o)           len(o) in elements
//   byte_of(o, i)      element index -> byte offset
//   index_of(o, b)     byte offset -> element index
//   decode(t, i)       the element at byte i, advancing i past it
//   prev(t, i)         the byte offset where the element ending at i starts
//   is_space(u)        split()/strip() whitespace: Unicode White_Space for
//                      str, ASCII whitespace (Py_ISSPACE) for bytes
//   line_break(t, i)   bytes of the line boundary at i (0 if none), for
//                      splitlines: str knows \v \f \x1c.. \x85 U+2028/9,
//                      bytes only \n \r \r\n
//   make(ts, piece)    a new object of the representation
//
// Searching is done on bytes for both: UTF-8 is self-synchronising, so a
// match of well-formed UTF-8 starts on a character boundary, and only the
// positions at the edges (start/end arguments, the result of find) convert
// between elements and bytes. A str whose `ascii` flag is set converts by
// identity, and decode() takes the one-byte path before calling the UTF-8
// decoder, so ASCII text pays nothing for being Unicode.
//
// What stays in the method files: argument parsing (per method, with
// CPython's wording) and the type checks of arguments, whose messages differ
// between str and bytes. They pass string_views and element counts in here.
//
// Rooting: the helpers that build a list keep it in a TempRoot while they
// allocate the pieces; none of them runs Python code.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/str_ops.h"
#include "runtime/unicode.h"
#include "vm/api.h"
#include "vm/iterate.h"

namespace gilvm::stringlib {

enum class Direction : std::uint8_t { Forward, Reverse };  // find/rfind, split/rsplit
enum Side : std::uint8_t { kLeft = 1, kRight = 2, kBoth = 3 };  // strip; tailmatch uses Left/Right

// ---------------------------------------------------------------------------
// Representations
// ---------------------------------------------------------------------------

// str: UTF-8, indexed by code point (vm/object.h Str).
struct Utf8 {
  using Object = Str;
  using Unit = char32_t;
  static Str* cast(Value v) { return as_str(v); }
  static std::string_view view(const Str* s) { return s->s; }
  static std::int64_t units(const Str* s) { return static_cast<std::int64_t>(s->length); }
  static std::size_t byte_of(const Str* s, std::int64_t i) {
    if (s->ascii) return static_cast<std::size_t>(i);
    return text::utf8_offset_of(s->s, static_cast<std::size_t>(i));
  }
  static std::int64_t index_of(const Str* s, std::size_t byte) {
    if (s->ascii) return static_cast<std::int64_t>(byte);
    return static_cast<std::int64_t>(text::utf8_length(std::string_view(s->s).substr(0, byte)));
  }
  static Unit decode(std::string_view t, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) {
      ++i;
      return c;
    }
    return text::utf8_decode_at(t, i);
  }
  static std::size_t prev(std::string_view t, std::size_t i) {
    do --i;
    while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80);
    return i;
  }
  static bool is_space(Unit c) { return text::is_space(c); }
  // \n \r \r\n \v \f \x1c \x1d \x1e \x85 U+2028 U+2029 (str.splitlines).
  static std::size_t line_break(std::string_view t, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    switch (c) {
      case '\r': return i + 1 < t.size() && t[i + 1] == '\n' ? 2 : 1;
      case '\n': case '\v': case '\f': case 0x1C: case 0x1D: case 0x1E: return 1;
      case 0xC2: return i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x85 ? 2 : 0;
      case 0xE2:
        return i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
                       (static_cast<unsigned char>(t[i + 2]) == 0xA8 ||
                        static_cast<unsigned char>(t[i + 2]) == 0xA9)
                   ? 3
                   : 0;
      default: return 0;
    }
  }
  static Value make(ThreadState& ts, std::string_view piece) { return new_str(ts, std::string(piece)); }
  static Value make(ThreadState& ts, std::string&& piece) { return new_str(ts, std::move(piece)); }
};

// bytes (and bytearray to come): every element is one byte.
struct Byte {
  using Object = Bytes;
  using Unit = unsigned char;
  static Bytes* cast(Value v) { return as_bytes(v); }
  static std::string_view view(const Bytes* b) { return b->s; }
  static std::int64_t units(const Bytes* b) { return static_cast<std::int64_t>(b->s.size()); }
  static std::size_t byte_of(const Bytes*, std::int64_t i) { return static_cast<std::size_t>(i); }
  static std::int64_t index_of(const Bytes*, std::size_t byte) { return static_cast<std::int64_t>(byte); }
  static Unit decode(std::string_view t, std::size_t& i) { return static_cast<unsigned char>(t[i++]); }
  static std::size_t prev(std::string_view, std::size_t i) { return i - 1; }
  static bool is_space(Unit c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
  static std::size_t line_break(std::string_view t, std::size_t i) {
    if (t[i] == '\r') return i + 1 < t.size() && t[i + 1] == '\n' ? 2 : 1;
    return t[i] == '\n' ? 1 : 0;
  }
  static Value make(ThreadState& ts, std::string_view piece) { return new_bytes(ts, std::string(piece)); }
  static Value make(ThreadState& ts, std::string&& piece) { return new_bytes(ts, std::move(piece)); }
};

// ---------------------------------------------------------------------------
// Arguments shared by every representation
// ---------------------------------------------------------------------------

inline bool absent(Value v) { return v.is_null() || v.is_none(); }

// CPython's ADJUST_INDICES for the optional (start, end) of find, count,
// startswith...: None or absent take the defaults, negatives count from the
// end, then both are clipped to [0, len]. `len` is in elements.
[[nodiscard]] inline bool adjust_indices(ThreadState& ts, Value vstart, Value vend, std::int64_t len,
                                         std::int64_t& start, std::int64_t& end) {
  start = 0;
  end = INT64_MAX;
  if (!absent(vstart) && !slice_index_value(ts, vstart, start)) return false;
  if (!absent(vend) && !slice_index_value(ts, vend, end)) return false;
  if (end > len) {
    end = len;
  } else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  return true;
}

// Results CPython could not allocate either (it raises MemoryError, which
// gilvm does not have): OverflowError "result is too large".
inline constexpr std::uint64_t kMaxResultBytes = std::uint64_t{1} << 34;
[[nodiscard]] inline bool check_result_size(ThreadState& ts, std::uint64_t bytes) {
  if (bytes <= kMaxResultBytes) return true;
  raise(ts, ts.interp.types.OverflowError, "result is too large");
  return false;
}

// ---------------------------------------------------------------------------
// Searching: find/rfind/index/rindex, count, startswith/endswith
// ---------------------------------------------------------------------------

// The element index of `sub` (of `sub_units` elements) in s[start:end], or -1.
template <class T>
std::int64_t find(const typename T::Object* s, std::string_view sub, std::int64_t sub_units, std::int64_t start,
                  std::int64_t end, Direction dir) {
  if (end - start < sub_units) return -1;
  std::size_t bs = T::byte_of(s, start), be = T::byte_of(s, end);
  std::string_view region = T::view(s).substr(bs, be - bs);
  std::size_t pos = dir == Direction::Reverse ? region.rfind(sub) : region.find(sub);
  if (pos == std::string_view::npos) return -1;
  return T::index_of(s, bs + pos);
}

// Non-overlapping occurrences of `sub` in s[start:end]; an empty `sub`
// matches between every two elements and at both ends.
template <class T>
std::int64_t count(const typename T::Object* s, std::string_view sub, std::int64_t start, std::int64_t end) {
  if (end < start) return 0;
  if (sub.empty()) return end - start + 1;
  std::size_t bs = T::byte_of(s, start), be = T::byte_of(s, end);
  std::string_view region = T::view(s).substr(bs, be - bs);
  std::int64_t n = 0;
  for (std::size_t pos = region.find(sub); pos != std::string_view::npos; pos = region.find(sub, pos + sub.size()))
    ++n;
  return n;
}

// Does s[start:end] start (kLeft) or end (kRight) with `sub` (CPython's
// tailmatch)?
template <class T>
bool tailmatch(const typename T::Object* s, std::string_view sub, std::int64_t sub_units, std::int64_t start,
               std::int64_t end, Side side) {
  std::int64_t e = end - sub_units;
  if (e < start) return false;
  if (sub.empty()) return true;
  std::size_t at = T::byte_of(s, side == kRight ? e : start);
  return T::view(s).substr(at).starts_with(sub);
}

// startswith/endswith with a tuple or one affix. `affix(item, in_tuple)`
// returns the affix object or null with the (representation-worded)
// TypeError raised. Returns true/false or Value::fail().
template <class T, class Affix>
Value startswith(ThreadState& ts, const typename T::Object* s, Value prefix, Value vstart, Value vend, Side side,
                 Affix affix) {
  std::int64_t start, end;
  if (!adjust_indices(ts, vstart, vend, T::units(s), start, end)) return Value::fail();
  auto match = [&](const typename T::Object* sub) {
    return tailmatch<T>(s, T::view(sub), T::units(sub), start, end, side);
  };
  if (Tuple* tu = as_tuple(prefix)) {
    for (Value item : tu->items) {
      const typename T::Object* sub = affix(item, true);
      if (!sub) return Value::fail();
      if (match(sub)) return Value::from_bool(true);
    }
    return Value::from_bool(false);
  }
  const typename T::Object* sub = affix(prefix, false);
  if (!sub) return Value::fail();
  return Value::from_bool(match(sub));
}

// ---------------------------------------------------------------------------
// Splitting
// ---------------------------------------------------------------------------

// split()/rsplit() with no separator: runs of whitespace separate fields and
// leading/trailing whitespace yields no empty field. emit(i, j) receives
// each field's byte range, right to left for Direction::Reverse. maxsplit
// is INT64_MAX for "no limit".
template <class T, class Emit>
void split_whitespace(std::string_view t, std::int64_t maxsplit, Direction dir, Emit emit) {
  const std::size_t n = t.size();
  if (dir == Direction::Forward) {
    auto space_at = [&](std::size_t i, std::size_t& next) {
      next = i;
      return T::is_space(T::decode(t, next));
    };
    std::size_t i = 0, nx;
    while (maxsplit-- > 0) {
      while (i < n && space_at(i, nx)) i = nx;
      if (i == n) break;
      std::size_t j = i;
      while (i < n && !space_at(i, nx)) i = nx;
      emit(j, i);
    }
    if (i < n) {
      while (i < n && space_at(i, nx)) i = nx;
      if (i != n) emit(i, n);
    }
    return;
  }
  // The mirror image, walking back over elements.
  auto space_before = [&](std::size_t i, std::size_t& prev) {
    prev = T::prev(t, i);
    std::size_t k = prev;
    return T::is_space(T::decode(t, k));
  };
  std::size_t i = n, pv;
  while (maxsplit-- > 0) {
    while (i > 0 && space_before(i, pv)) i = pv;
    if (i == 0) break;
    std::size_t j = i;
    while (i > 0 && !space_before(i, pv)) i = pv;
    emit(i, j);
  }
  if (i > 0) {
    while (i > 0 && space_before(i, pv)) i = pv;
    if (i > 0) emit(std::size_t{0}, i);
  }
}

// split(sep)/rsplit(sep) with a non-empty separator; emit as above. The
// last field is always emitted (possibly empty).
template <class Emit>
void split_separator(std::string_view t, std::string_view sep, std::int64_t maxsplit, Direction dir, Emit emit) {
  if (dir == Direction::Forward) {
    std::size_t i = 0;
    while (maxsplit-- > 0) {
      std::size_t pos = t.find(sep, i);
      if (pos == std::string_view::npos) break;
      emit(i, pos);
      i = pos + sep.size();
    }
    emit(i, t.size());
    return;
  }
  std::size_t j = t.size();
  while (maxsplit-- > 0) {
    if (j < sep.size()) break;
    std::size_t pos = t.substr(0, j).rfind(sep);
    if (pos == std::string_view::npos) break;
    emit(pos + sep.size(), j);
    j = pos;
  }
  emit(std::size_t{0}, j);
}

// The list of split()/rsplit(): `sep` null splits on whitespace. `piece(i,
// j)` makes the object for bytes [i, j) (a representation may reuse the
// receiver for the whole text). maxsplit < 0 means no limit.
template <class T, class Piece>
Value split(ThreadState& ts, std::string_view t, const typename T::Object* sep, std::int64_t maxsplit,
            Direction dir, Piece piece) {
  if (maxsplit < 0) maxsplit = INT64_MAX;
  List* out = new_list(ts);
  TempRoot root(ts, Value::from_obj(out));
  auto emit = [&](std::size_t i, std::size_t j) { out->items.push_back(piece(i, j)); };
  if (sep)
    split_separator(t, T::view(sep), maxsplit, dir, emit);
  else
    split_whitespace<T>(t, maxsplit, dir, emit);
  if (dir == Direction::Reverse) std::reverse(out->items.begin(), out->items.end());
  return Value::from_obj(out);
}

// splitlines([keepends]).
template <class T>
Value splitlines(ThreadState& ts, std::string_view t, bool keepends) {
  List* out = new_list(ts);
  TempRoot root(ts, Value::from_obj(out));
  std::size_t start = 0, i = 0;
  while (i < t.size()) {
    std::size_t br = T::line_break(t, i);
    if (br == 0) {
      ++i;
      continue;
    }
    std::size_t end = keepends ? i + br : i;
    out->items.push_back(T::make(ts, t.substr(start, end - start)));
    i += br;
    start = i;
  }
  if (start < t.size()) out->items.push_back(T::make(ts, t.substr(start)));
  return Value::from_obj(out);
}

// partition/rpartition: (head, sep, tail), or the whole text and two empty
// objects on the side where the separator was not found. `self` is the
// receiver, `sepv` the separator as passed (CPython returns both as they
// are).
template <class T>
Value partition(ThreadState& ts, Value self, std::string_view t, Value sepv, std::string_view sep, Direction dir) {
  std::size_t pos = dir == Direction::Reverse ? t.rfind(sep) : t.find(sep);
  Value empty = T::make(ts, std::string_view());
  if (pos == std::string_view::npos) {
    if (dir == Direction::Reverse) return Value::from_obj(new_tuple(ts, {empty, empty, self}));
    return Value::from_obj(new_tuple(ts, {self, empty, empty}));
  }
  Value head = T::make(ts, t.substr(0, pos));
  Value tail = T::make(ts, t.substr(pos + sep.size()));
  return Value::from_obj(new_tuple(ts, {head, sepv, tail}));
}

// join(iterable): the items, which must all be of the representation
// (TypeError "sequence item 1: expected <expected>, int found"), with `sep`
// between them. A list or tuple is read in place; any other iterable runs
// its iterator (and so may run Python code). With `reuse_sole`, a list of
// one item of the representation returns that item.
template <class T>
Value join(ThreadState& ts, std::string_view sep, Value iterable, std::string_view expected, bool reuse_sole) {
  if (List* l = as_list(iterable); reuse_sole && l && l->items.size() == 1 && T::cast(l->items[0]))
    return l->items[0];
  std::string out;
  std::int64_t index = 0;
  auto add = [&](Value item) -> bool {
    const typename T::Object* piece = T::cast(item);
    if (!piece) {
      raise_fmt(ts, ts.interp.types.TypeError, "sequence item {}: expected {}, {} found", index, expected,
                type_name(ts, item));
      return false;
    }
    if (index > 0) out += sep;
    out += T::view(piece);
    ++index;
    return true;
  };
  if (!for_each_item(ts, iterable, add,
                     [&] { raise(ts, ts.interp.types.TypeError, "can only join an iterable"); }))
    return Value::fail();
  return T::make(ts, std::move(out));
}

// ---------------------------------------------------------------------------
// Stripping
// ---------------------------------------------------------------------------

// The byte range left after stripping elements for which strip(u) holds
// from the chosen sides.
template <class T, class Pred>
std::pair<std::size_t, std::size_t> strip_span(std::string_view t, Side side, Pred strip) {
  std::size_t i = 0, j = t.size();
  if (side & kLeft) {
    while (i < j) {
      std::size_t k = i;
      if (!strip(T::decode(t, k))) break;
      i = k;
    }
  }
  if (side & kRight) {
    while (j > i) {
      std::size_t p = T::prev(t, j), k = p;
      if (!strip(T::decode(t, k))) break;
      j = p;
    }
  }
  return {i, j};
}

// strip/lstrip/rstrip: whitespace when `chars` is null, else the elements
// of `chars`. Returns `self` itself when nothing is stripped.
template <class T>
Value strip(ThreadState& ts, Value self, std::string_view t, const typename T::Object* chars, Side side) {
  std::pair<std::size_t, std::size_t> span;
  if (!chars) {
    span = strip_span<T>(t, side, [](typename T::Unit u) { return T::is_space(u); });
  } else if constexpr (sizeof(typename T::Unit) == 1) {
    std::bitset<256> set;
    for (char c : T::view(chars)) set.set(static_cast<unsigned char>(c));
    span = strip_span<T>(t, side, [&](typename T::Unit u) { return set.test(u); });
  } else {
    std::basic_string<typename T::Unit> set;
    std::string_view cs = T::view(chars);
    for (std::size_t i = 0; i < cs.size();) set.push_back(T::decode(cs, i));
    span = strip_span<T>(t, side, [&](typename T::Unit u) { return set.find(u) != set.npos; });
  }
  auto [i, j] = span;
  if (i == 0 && j == t.size()) return self;
  return T::make(ts, t.substr(i, j - i));
}

// ---------------------------------------------------------------------------
// replace
// ---------------------------------------------------------------------------

// replace(old, rep, count) into `out` (count < 0: all). `units` is the
// text's length in elements. Returns the number of replacements made, or
// -1 with OverflowError raised when the result would be too large. An
// empty `old` inserts `rep` before every element and at the end.
template <class T>
std::int64_t replace(ThreadState& ts, std::string_view t, std::int64_t units, std::string_view old,
                     std::string_view rep, std::int64_t count, std::string& out) {
  if (count < 0) count = INT64_MAX;
  std::int64_t made = 0;
  if (old.empty()) {
    std::uint64_t times = std::min<std::uint64_t>(static_cast<std::uint64_t>(units) + 1,
                                                  static_cast<std::uint64_t>(count));
    if (!check_result_size(ts, t.size() + rep.size() * times)) return -1;
    std::size_t i = 0;
    while (made < count) {
      out += rep;
      ++made;
      if (i >= t.size()) break;
      std::size_t k = i;
      (void)T::decode(t, k);
      out.append(t.substr(i, k - i));
      i = k;
    }
    out.append(t.substr(std::min(i, t.size())));
    return made;
  }
  std::size_t i = 0;
  while (made < count) {
    std::size_t pos = t.find(old, i);
    if (pos == std::string_view::npos) break;
    out.append(t.substr(i, pos - i));
    out += rep;
    i = pos + old.size();
    ++made;
    if (!check_result_size(ts, out.size())) return -1;
  }
  out.append(t.substr(i));
  return made;
}

// ---------------------------------------------------------------------------
// Padding and tabs
// ---------------------------------------------------------------------------

enum class Justify : std::uint8_t { Left, Right, Center };  // ljust, rjust, center

// `n` copies of one fill element (its bytes).
inline std::string repeat_fill(std::string_view fill, std::int64_t n) {
  if (n <= 0) return {};
  return repeat_text(fill, static_cast<std::size_t>(n));
}

// ljust/rjust/center to `width` elements with the fill element `fill`; the
// caller returns the receiver when width <= units. Empty with
// OverflowError raised when too large.
inline bool pad(ThreadState& ts, std::string_view t, std::int64_t units, std::int64_t width, std::string_view fill,
                Justify how, std::string& out) {
  if (!check_result_size(ts, static_cast<std::uint64_t>(width) * fill.size())) return false;
  std::int64_t marg = width - units, left;
  if (how == Justify::Left)
    left = 0;
  else if (how == Justify::Right)
    left = marg;
  else
    left = marg / 2 + (marg & width & 1);  // CPython's pad() for center
  out = repeat_fill(fill, left);
  out += t;
  out += repeat_fill(fill, marg - left);
  return true;
}

// zfill: '0's after a leading sign up to `width` elements (width > units).
inline bool zfill(ThreadState& ts, std::string_view t, std::int64_t units, std::int64_t width, std::string& out) {
  if (!check_result_size(ts, static_cast<std::uint64_t>(width))) return false;
  out.assign(static_cast<std::size_t>(width - units), '0');
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    out.insert(out.begin(), t[0]);
    out.append(t.substr(1));
  } else {
    out += t;
  }
  return true;
}

// expandtabs(tabsize): columns restart after \n and \r.
template <class T>
bool expandtabs(ThreadState& ts, std::string_view t, std::int64_t tab, std::string& out) {
  std::int64_t col = 0;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t k = i;
    typename T::Unit c = T::decode(t, k);
    if (c == '\t') {
      if (tab > 0) {
        std::int64_t n = tab - col % tab;
        if (!check_result_size(ts, out.size() + static_cast<std::uint64_t>(n))) return false;
        out.append(static_cast<std::size_t>(n), ' ');
        col += n;
      }
    } else {
      out.append(t.substr(i, k - i));
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
    i = k;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------

// isdigit/isalpha/isspace...: at least one element, and pred holds for all.
template <class T, bool (*Pred)(typename T::Unit)>
bool all_units(std::string_view t) {
  if (t.empty()) return false;
  for (std::size_t i = 0; i < t.size();)
    if (!Pred(T::decode(t, i))) return false;
  return true;
}

}  // namespace gilvm::stringlib
