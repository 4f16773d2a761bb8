// runtime/str_ops.h — the operations on str and bytes that the core calls
// directly (subscripts, +, *, in, hash, comparison), and the slice
// arithmetic shared by every sequence.
//
// A Str holds UTF-8; Python indexes it by code point. When `ascii` is set a
// code point index is a byte offset, so indexing and slicing are O(1) per
// character; otherwise they walk the bytes from the start (O(n)), which is
// what a string without an index cache costs.
//
// The methods of str and bytes (split, join, format, ...) are registered by
// runtime/str_methods.cpp and runtime/bytes_methods.cpp; the format-spec
// helpers for format() are in runtime/number_ops.h. What those files share
// is declared here too: the codecs (str <-> bytes). Their arguments arrive
// bound by their table rows' signatures (vm/native.h).
#pragma once

#include <cstdint>
#include <string_view>

#include "vm/native.h"
#include "vm/value.h"

namespace gilvm {

struct ThreadState;
struct Str;
struct Bytes;
struct Args;

// s[i] or s[a:b:c]: `index_or_slice` is an int-like (or has __index__) or a
// Slice object. IndexError "string index out of range"; TypeError "string
// indices must be integers, not 'float'".
[[nodiscard]] Value str_getitem(ThreadState& ts, Str* s, Value index_or_slice);

// a + b and s * n (n <= 0 gives '').
[[nodiscard]] Value str_concat(ThreadState& ts, Str* a, Str* b);
[[nodiscard]] // `unit` repeated n times (str and bytes `*`): one fill for a single
// character, else doubling copies, so b"x" * 100_000_000 is one pass over
// memory rather than a hundred million appends.
std::string repeat_text(std::string_view unit, std::size_t n);
Value str_repeat(ThreadState& ts, Str* s, std::int64_t n);

// `needle in hay`: 1 or 0 (never fails; the caller checks both are strs).
int str_contains(Str* hay, Str* needle);

// hash(s): a 64-bit hash of the UTF-8 bytes, cached in s->hash_, never -1.
// (CPython randomises str hashes, so no program can depend on the values.)
std::int64_t str_hash(const Str* s);

// Code point order, which for UTF-8 is byte order: -1, 0 or 1.
int str_compare(const Str* a, const Str* b);

// PySlice_GetIndicesEx semantics (Objects/sliceobject.c: PySlice_Unpack +
// PySlice_AdjustIndices) for `slice` applied to a sequence of `length`
// items: None bounds take their defaults, negative bounds count from the
// end, out-of-range bounds are clipped, huge ints are clamped. Sets start,
// stop, step and count (the number of selected items). Returns
// Value::none() on success; Fail with ValueError "slice step cannot be
// zero" or TypeError "slice indices must be integers or None or have an
// __index__ method".
[[nodiscard]] Value slice_indices(ThreadState& ts, Value slice, std::int64_t length,
                                  std::int64_t& start, std::int64_t& stop, std::int64_t& step,
                                  std::int64_t& count);

// One bound of a slice or of a str.find-style (start, end) range, clamped to
// int64 as CPython clamps to Py_ssize_t (_PyEval_SliceIndex): an int-like or
// an object with __index__; TypeError "slice indices must be integers or
// None or have an __index__ method" otherwise. None is the caller's case.
[[nodiscard]] bool slice_index_value(ThreadState& ts, Value v, std::int64_t& out);

// b[i] (an int in 0..255) or b[a:b:c] (bytes). IndexError "index out of
// range"; TypeError "byte indices must be integers or slices, not str".
[[nodiscard]] Value bytes_getitem(ThreadState& ts, Bytes* b, Value index_or_slice);

// ---------------------------------------------------------------------------
// Codecs (runtime/str_methods.cpp): str.encode, bytes.decode, str(b, enc),
// bytes(s, enc). Encodings: utf-8, ascii, latin-1 under their usual aliases
// (LookupError "unknown encoding: X" otherwise). Error handlers: strict,
// ignore, replace, backslashreplace, surrogateescape, and for encoding also
// xmlcharrefreplace and surrogatepass (utf-8). Errors raise
// UnicodeDecodeError / UnicodeEncodeError with CPython's messages.
// ---------------------------------------------------------------------------

// bytes -> str. Returns the new str or Fail.
[[nodiscard]] Value decode_bytes(ThreadState& ts, std::string_view data, std::string_view encoding,
                                 std::string_view errors);
// str -> bytes. Returns the new bytes or Fail.
[[nodiscard]] Value encode_str(ThreadState& ts, Str* s, std::string_view encoding,
                               std::string_view errors);

}  // namespace gilvm
