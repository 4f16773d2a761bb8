// runtime/str_ops.cpp — str/bytes subscripts, concatenation, repetition,
// containment, hashing and ordering, and the slice arithmetic every sequence
// shares (declared in runtime/str_ops.h).
//
// Code point positions: an ASCII str indexes bytes directly. Otherwise a
// single index walks the UTF-8 lead bytes (every Str holds well-formed
// UTF-8, possibly with encoded lone surrogates, so the lead byte tells the
// sequence length); a slice with a step first collects the byte offset of
// every code point, then copies the selected ones.
#include "runtime/str_ops.h"

#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "vm/api.h"

namespace gilvm {

namespace {

// Length of the UTF-8 sequence that starts with byte `c`.
inline std::size_t seq_len(unsigned char c) {
  if (c < 0xC0) return 1;
  if (c < 0xE0) return 2;
  if (c < 0xF0) return 3;
  return 4;
}

// Byte offset of code point `n` of `s` (n <= number of code points).
std::size_t cp_offset(const Str* s, std::int64_t n) {
  if (s->ascii) return static_cast<std::size_t>(n);
  std::size_t pos = 0;
  const std::string& b = s->s;
  for (std::int64_t i = 0; i < n && pos < b.size(); ++i)
    pos += seq_len(static_cast<unsigned char>(b[pos]));
  return pos;
}

// The integer value of a slice bound, clamped to int64 as CPython clamps to
// Py_ssize_t (_PyEval_SliceIndex). None is handled by the caller.
bool slice_bound(ThreadState& ts, Value v, std::int64_t& out) {
  if (v.is_int() || v.is_bool()) {
    out = v.as_int();
    return true;
  }
  if (BigIntObj* b = as_bigint(v)) {
    out = b->v.is_negative() ? INT64_MIN : INT64_MAX;
    return true;
  }
  if (type_lookup(type_of(ts, v), ts.interp.names.__index__).is_null()) {
    raise(ts, ts.interp.types.TypeError,
          "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  std::optional<std::int64_t> i = to_index(ts, v);
  if (!i) return false;
  out = *i;
  return true;
}

// An index (not a slice) for a subscript. Returns 1 with `out` set, 0 when
// `v` is not an index at all (the caller raises its own TypeError), -1 on
// an error raised here.
int subscript_index(ThreadState& ts, Value v, std::int64_t& out) {
  if (v.is_int() || v.is_bool()) {
    out = v.as_int();
    return 1;
  }
  if (as_bigint(v) != nullptr) {
    raise(ts, ts.interp.types.IndexError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (v.is_obj() && v.as_obj()->kind == Kind::Slice) return 0;
  if (type_lookup(type_of(ts, v), ts.interp.names.__index__).is_null()) return 0;
  std::optional<std::int64_t> i = to_index(ts, v);
  if (!i) return -1;
  out = *i;
  return 1;
}

// Copies the selected items of a byte string whose items are single bytes
// (ASCII strs and bytes).
std::string slice_bytes(const std::string& s, std::int64_t start, std::int64_t step,
                        std::int64_t count) {
  if (step == 1) return s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(count));
  std::string out;
  out.reserve(static_cast<std::size_t>(count));
  // start + k * step: a running p += step overflows past the last item (seq_ops.cpp take_slice).
  for (std::int64_t k = 0; k < count; ++k) out.push_back(s[static_cast<std::size_t>(start + k * step)]);
  return out;
}

}  // namespace

bool slice_index_value(ThreadState& ts, Value v, std::int64_t& out) { return slice_bound(ts, v, out); }

Value slice_indices(ThreadState& ts, Value slice, std::int64_t length, std::int64_t& start,
                    std::int64_t& stop, std::int64_t& step, std::int64_t& count) {
  Slice* sl = as_kind<Slice, Kind::Slice>(slice);
  if (sl == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "expected a slice, not '{}'", type_name(ts, slice));
  // PySlice_Unpack.
  if (sl->step.is_none() || sl->step.is_null()) {
    step = 1;
  } else {
    if (!slice_bound(ts, sl->step, step)) return Value::fail();
    if (step == 0) return raise(ts, ts.interp.types.ValueError, "slice step cannot be zero");
    if (step < -INT64_MAX) step = -INT64_MAX;  // so that -step cannot overflow
  }
  if (sl->start.is_none() || sl->start.is_null()) {
    start = step < 0 ? INT64_MAX : 0;
  } else if (!slice_bound(ts, sl->start, start)) {
    return Value::fail();
  }
  if (sl->stop.is_none() || sl->stop.is_null()) {
    stop = step < 0 ? INT64_MIN : INT64_MAX;
  } else if (!slice_bound(ts, sl->stop, stop)) {
    return Value::fail();
  }
  // PySlice_AdjustIndices.
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  if (step < 0)
    count = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  else
    count = start < stop ? (stop - start - 1) / step + 1 : 0;
  return Value::none();
}

Value str_getitem(ThreadState& ts, Str* s, Value index_or_slice) {
  const std::int64_t n = static_cast<std::int64_t>(s->length);
  std::int64_t i = 0;
  int r = subscript_index(ts, index_or_slice, i);
  if (r < 0) return Value::fail();
  if (r == 1) {
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(ts, ts.interp.types.IndexError, "string index out of range");
    if (s->ascii) return new_str(ts, std::string(1, s->s[static_cast<std::size_t>(i)]));
    std::size_t off = cp_offset(s, i);
    return new_str(ts, s->s.substr(off, seq_len(static_cast<unsigned char>(s->s[off]))));
  }
  if (!(index_or_slice.is_obj() && index_or_slice.as_obj()->kind == Kind::Slice))
    return raise_fmt(ts, ts.interp.types.TypeError, "string indices must be integers, not '{}'",
                     type_name(ts, index_or_slice));
  std::int64_t start, stop, step, count;
  if (slice_indices(ts, index_or_slice, n, start, stop, step, count).is_fail()) return Value::fail();
  if (count <= 0) return new_str(ts, std::string());
  if (step == 1 && count == n) return Value::from_obj(s);  // str is immutable: s[:] is s
  if (s->ascii) return new_str(ts, slice_bytes(s->s, start, step, count));
  if (step == 1) {
    std::size_t a = cp_offset(s, start);
    std::size_t b = a;
    for (std::int64_t k = 0; k < count; ++k) b += seq_len(static_cast<unsigned char>(s->s[b]));
    return new_str(ts, s->s.substr(a, b - a));
  }
  std::vector<std::size_t> offs;
  offs.reserve(s->length + 1);
  for (std::size_t p = 0; p < s->s.size(); p += seq_len(static_cast<unsigned char>(s->s[p])))
    offs.push_back(p);
  offs.push_back(s->s.size());
  std::string out;
  for (std::int64_t k = 0; k < count; ++k) {  // start + k * step: as slice_bytes
    auto p = static_cast<std::size_t>(start + k * step);
    std::size_t a = offs[p], b = offs[p + 1];
    out.append(s->s, a, b - a);
  }
  return new_str(ts, std::move(out));
}

Value str_concat(ThreadState& ts, Str* a, Str* b) {
  if (b->s.empty()) return Value::from_obj(a);
  if (a->s.empty()) return Value::from_obj(b);
  std::string out;
  out.reserve(a->s.size() + b->s.size());
  out += a->s;
  out += b->s;
  return new_str(ts, std::move(out));
}

Value str_repeat(ThreadState& ts, Str* s, std::int64_t n) {
  if (n <= 0 || s->s.empty()) return new_str(ts, std::string());
  if (n == 1) return Value::from_obj(s);
  // CPython raises MemoryError past what it can allocate; gilvm has no
  // MemoryError type, so it refuses absurd sizes up front.
  if (static_cast<std::uint64_t>(n) > (std::uint64_t{1} << 40) / s->s.size())
    return raise(ts, ts.interp.types.OverflowError, "repeated string is too long");
  return new_str(ts, repeat_text(s->s, static_cast<std::size_t>(n)));
}

std::string repeat_text(std::string_view unit, std::size_t n) {
  if (unit.empty() || n == 0) return std::string();
  if (unit.size() == 1) return std::string(n, unit[0]);
  std::string out;
  const std::size_t total = unit.size() * n;
  out.reserve(total);
  out.append(unit);
  while (out.size() * 2 <= total) out.append(out.data(), out.size());
  out.append(out.data(), total - out.size());
  return out;
}

int str_contains(Str* hay, Str* needle) {
  return hay->s.find(needle->s) != std::string::npos ? 1 : 0;
}

std::int64_t str_hash(const Str* s) {
  if (s->hash_ != -1) return s->hash_;
  // A multiply-xorshift hash over 8-byte words (in the spirit of wyhash /
  // splitmix64): fast, and every input bit reaches every output bit.
  const std::string& b = s->s;
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (b.size() * 0xC2B2AE3D27D4EB4Full);
  std::size_t i = 0;
  auto mix = [](std::uint64_t k) {
    k *= 0xBF58476D1CE4E5B9ull;
    k ^= k >> 31;
    k *= 0x94D049BB133111EBull;
    return k;
  };
  for (; i + 8 <= b.size(); i += 8) {
    std::uint64_t k;
    std::memcpy(&k, b.data() + i, 8);
    h = (h ^ mix(k)) * 0x9FB21C651E98DF25ull;
    h = (h << 29) | (h >> 35);
  }
  std::uint64_t tail = 0;
  for (std::size_t j = 0; i < b.size(); ++i, j += 8) tail |= std::uint64_t{static_cast<unsigned char>(b[i])} << j;
  h = (h ^ mix(tail ^ 0x5555555555555555ull));
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  std::int64_t r = static_cast<std::int64_t>(h);
  if (r == -1) r = -2;
  s->hash_ = r;
  return r;
}

int str_compare(const Str* a, const Str* b) {
  if (a == b) return 0;
  std::size_t n = a->s.size() < b->s.size() ? a->s.size() : b->s.size();
  int c = n == 0 ? 0 : std::memcmp(a->s.data(), b->s.data(), n);
  if (c != 0) return c < 0 ? -1 : 1;
  if (a->s.size() == b->s.size()) return 0;
  return a->s.size() < b->s.size() ? -1 : 1;
}

Value bytes_getitem(ThreadState& ts, Bytes* b, Value index_or_slice) {
  const std::int64_t n = static_cast<std::int64_t>(b->s.size());
  std::int64_t i = 0;
  int r = subscript_index(ts, index_or_slice, i);
  if (r < 0) return Value::fail();
  if (r == 1) {
    if (i < 0) i += n;
    if (i < 0 || i >= n) return raise(ts, ts.interp.types.IndexError, "index out of range");
    return Value::from_int(static_cast<unsigned char>(b->s[static_cast<std::size_t>(i)]));
  }
  if (!(index_or_slice.is_obj() && index_or_slice.as_obj()->kind == Kind::Slice))
    return raise_fmt(ts, ts.interp.types.TypeError, "byte indices must be integers or slices, not {}",
                     type_name(ts, index_or_slice));
  std::int64_t start, stop, step, count;
  if (slice_indices(ts, index_or_slice, n, start, stop, step, count).is_fail()) return Value::fail();
  if (count <= 0) return new_bytes(ts, std::string());
  if (step == 1 && count == n) return Value::from_obj(b);
  return new_bytes(ts, slice_bytes(b->s, start, step, count));
}

}  // namespace gilvm
