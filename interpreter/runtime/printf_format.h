// runtime/printf_format.h — printf-style formatting: `str % args` and
// `bytes % args` (Library Reference, "printf-style String Formatting" and
// "printf-style Bytes Formatting").
//
// A format is literal text with conversion specifiers
//   '%' ['(' key ')'] [flags '#0- +'] [width | '*'] ['.' (precision | '*')]
//       [length 'h' | 'l' | 'L' (ignored)] type
// where type is one of d i o u x X e E f F g G c r s a %, and for bytes also
// b (s is its alias there, r of a). `args` is a tuple of the values in order,
// a single non-tuple value, or a mapping (any object with __getitem__ that is
// not a tuple or a str/bytes) when the specifiers name keys.
//
// The parser, the argument bookkeeping and the padding walk follow CPython
// 3.11's Objects/unicodeobject.c (unicode_format_arg_parse,
// unicode_format_arg_output) and Objects/bytesobject.c (_PyBytes_FormatEx),
// including their quirks: an argument is taken before the type letter is
// checked ('%q' % () is "not enough arguments"), after a mapping key the
// "remaining arguments" are the looked-up value itself, and the error
// messages are word for word. Numbers: %d i u take int(x) (floats truncate,
// __int__ then __index__), %o x X need __index__, %e f g take float(x)
// (__float__ then __index__) and are rendered by runtime/numfmt.h's
// format_float, so the digits are the ones format() gives.
//
// The formatter is one template over the target type (str, bytes; bytearray
// joins as another target): the targets differ only in how %s, %r, %a and %c
// make their text, what counts as a mapping, and the wording of two errors.
#pragma once

#include "vm/value.h"

namespace gilvm {

struct ThreadState;
struct Str;
struct Bytes;

// format % args for a str format: a new str, or Fail with TypeError /
// ValueError / OverflowError / KeyError pending (or whatever a user
// __str__, __repr__, __int__, __index__, __float__ or __getitem__ raised).
[[nodiscard]] Value printf_format_str(ThreadState& ts, Str* format, Value args);

// format % args for a bytes format: a new bytes, or Fail.
[[nodiscard]] Value printf_format_bytes(ThreadState& ts, Bytes* format, Value args);

}  // namespace gilvm
