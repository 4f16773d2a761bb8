// modules/zlib.cpp — the zlib module on the system's zlib, as CPython's
// Modules/zlibmodule.c.
//
// What is there: compress(data, /, level=-1, wbits=15), decompress(data, /,
// wbits=15, bufsize=16384), crc32(data, value=0, /), adler32(data, value=1,
// /), the exception zlib.error, and the constants (MAX_WBITS, DEFLATED,
// Z_BEST_COMPRESSION, Z_BEST_SPEED, Z_DEFAULT_COMPRESSION, the strategies and
// flush modes, ZLIB_VERSION...). Not there: compressobj / decompressobj
// (streaming). Data is bytes (gilvm has no bytearray or memoryview).
//
// Same bytes as CPython. compress() drives deflate exactly as CPython 3.11
// does — all input at once (in UINT_MAX pieces), Z_FINISH from the first
// call, and output space offered in the same growing blocks (32 KiB, 64 KiB,
// 256 KiB, ... as Include/internal/pycore_blocks_output_buffer.h) — because
// at level 0 zlib sizes its stored blocks by the output space it is given.
// With the same zlib library the output is then byte-identical for every
// level. Error messages are CPython's zlib_error(): "Error -3 while
// decompressing data: incorrect header check".
//
// The GIL. CPython releases it around every deflate()/inflate() call, even
// for a few bytes. gilvm releases it only for work worth a GIL round trip,
// the same threshold as hashlib (2048 bytes, HASHLIB_GIL_MINSIZE): a
// release costs two mutex operations and, when another thread is waiting,
// a hand-over and up to a switch interval to get the GIL back — far more
// than deflating a short string. So:
//   * compress: input of 2048 bytes or more runs with the GIL released;
//   * decompress: the same for input; a short input that inflates to much
//     more (a highly compressed stream) starts with the GIL and releases it
//     once the output passes 64 KiB;
//   * crc32 / adler32: above 5 KiB, as CPython's (data->len > 1024*5).
// While released, only C++ memory is touched: the z_stream, the bytes'
// character buffer (immutable; its object is pinned by a TempRoot and is an
// argument on the caller's value stack anyway, and the collector never moves
// objects) and a std::string for the output. The bytes result is built after
// the GIL is back.

#include <zlib.h>

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>

#include "modules/registry.h"
#include "vm/api.h"
#include "vm/gil.h"

namespace gilvm {

namespace {

constexpr std::size_t kGilMinSize = 2048;         // compress / decompress input
constexpr std::size_t kChecksumGilMinSize = 5120;  // crc32 / adler32 (CPython: > 5 KiB)
constexpr std::size_t kInflateWithGil = 64 * 1024;  // output inflated before releasing
constexpr int kDefMemLevel = 8;
constexpr std::int64_t kDefBufSize = 16384;

// CPython's output block sizes (pycore_blocks_output_buffer.h); the last
// repeats.
constexpr std::size_t kKB = 1024, kMB = 1024 * 1024;
constexpr std::size_t kBlockSizes[] = {32 * kKB, 64 * kKB, 256 * kKB, 1 * kMB,   4 * kMB,   8 * kMB,
                                       16 * kMB, 16 * kMB, 32 * kMB,  32 * kMB,  32 * kMB,  32 * kMB,
                                       64 * kMB, 64 * kMB, 128 * kMB, 128 * kMB, 256 * kMB};

// Output gathered in a std::string, grown in blocks; next_out/avail_out
// point into its unused tail.
class Output {
 public:
  // `first` is the first block's size (decompress's bufsize), 0 for
  // CPython's block sequence from the start.
  explicit Output(std::size_t first = 0) : first_(first) {}

  // Offers a new block to the stream (call when avail_out is 0).
  void grow(z_stream& zs) {
    std::size_t block;
    if (first_ != 0) {
      block = first_;
      first_ = 0;
    } else {
      block = kBlockSizes[next_ < std::size(kBlockSizes) ? next_ : std::size(kBlockSizes) - 1];
      ++next_;
    }
    if (block > UINT_MAX) block = UINT_MAX;
    // Called only when the last block is full: every byte so far is output.
    std::size_t used = buf_.size();
    buf_.resize(used + block);
    zs.next_out = reinterpret_cast<Bytef*>(buf_.data() + used);
    zs.avail_out = static_cast<uInt>(block);
    started_ = true;
  }
  // Bytes written so far, given the stream's position.
  std::size_t written(const z_stream& zs) const {
    if (!started_) return 0;
    return static_cast<std::size_t>(reinterpret_cast<const char*>(zs.next_out) - buf_.data());
  }
  std::string take(const z_stream& zs) {
    buf_.resize(written(zs));
    return std::move(buf_);
  }

 private:
  std::string buf_;
  bool started_ = false;
  std::size_t first_;
  std::size_t next_ = 0;
};

// Feeds the input to the stream in UINT_MAX pieces (arrange_input_buffer).
// Returns true when this was the last piece.
bool next_input(z_stream& zs, std::string_view& rest) {
  std::size_t n = rest.size() < UINT_MAX ? rest.size() : UINT_MAX;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(rest.data()));
  zs.avail_in = static_cast<uInt>(n);
  rest.remove_prefix(n);
  return rest.empty();
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

Type* error_type(ThreadState& ts, Value self) {
  Type* t = as_type(self);
  return t != nullptr ? t : ts.interp.types.Exception;
}

// CPython's zlib_error(): "Error %d %s: %s" with zlib's message (or a
// standard one for the error code).
Value zlib_error(ThreadState& ts, Value self, const z_stream& zs, int err, const char* msg) {
  const char* zmsg = nullptr;
  if (err == Z_VERSION_ERROR) zmsg = "library version mismatch";
  if (zmsg == nullptr) zmsg = zs.msg;
  if (zmsg == nullptr) {
    switch (err) {
      case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
      case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
      case Z_DATA_ERROR: zmsg = "invalid input data"; break;
      default: break;
    }
  }
  if (zmsg == nullptr) return raise_fmt(ts, error_type(ts, self), "Error {} {}", err, msg);
  return raise_fmt(ts, error_type(ts, self), "Error {} {}: {}", err, msg, zmsg);
}

Value raise_memory(ThreadState& ts, const char* what) {
  return raise(ts, ts.interp.types.MemoryError, what);
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

// The data argument: bytes only. Null with TypeError raised otherwise.
Bytes* data_arg(ThreadState& ts, Value v) {
  if (Bytes* b = as_bytes(v)) return b;
  raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, v));
  return nullptr;
}

// A C int argument (level, wbits).
bool int_arg(ThreadState& ts, Value v, int& out) {
  auto i = to_index(ts, v);
  if (!i) return false;
  if (*i < INT_MIN || *i > INT_MAX) {
    raise(ts, ts.interp.types.OverflowError,
          *i < 0 ? "Python int too small to convert to C int" : "Python int too large to convert to C int");
    return false;
  }
  out = static_cast<int>(*i);
  return true;
}

// ---------------------------------------------------------------------------
// compress / decompress
// ---------------------------------------------------------------------------

// The deflate loop of CPython's zlib_compress_impl. Touches no Value: runs
// with or without the GIL.
int deflate_all(z_stream& zs, std::string_view data, Output& out) {
  int err = Z_OK;
  int flush;
  do {
    flush = next_input(zs, data) ? Z_FINISH : Z_NO_FLUSH;
    do {
      if (zs.avail_out == 0) out.grow(zs);
      err = deflate(&zs, flush);
      if (err == Z_STREAM_ERROR) return err;
    } while (zs.avail_out == 0);
  } while (flush != Z_FINISH);
  return err;
}

Value zlib_compress(ThreadState& ts, Value self, const Args& a) {
  Bytes* b = data_arg(ts, a[0]);
  if (b == nullptr) return Value::fail();
  int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
  if (!a[1].is_null() && !int_arg(ts, a[1], level)) return Value::fail();
  if (!a[2].is_null() && !int_arg(ts, a[2], wbits)) return Value::fail();

  z_stream zs{};
  int err = deflateInit2(&zs, level, Z_DEFLATED, wbits, kDefMemLevel, Z_DEFAULT_STRATEGY);
  switch (err) {
    case Z_OK: break;
    case Z_MEM_ERROR: return raise_memory(ts, "Out of memory while compressing data");
    case Z_STREAM_ERROR: return raise(ts, error_type(ts, self), "Bad compression level");
    default:
      deflateEnd(&zs);
      return zlib_error(ts, self, zs, err, "while compressing data");
  }
  std::string_view data = b->s;
  Output out;
  zs.avail_out = 0;
  if (data.size() >= kGilMinSize) {
    TempRoot pin(ts, a[0]);
    ReleaseGil released(ts, {RunState::Io, "zlib.compress"});
    err = deflate_all(zs, data, out);
  } else {
    err = deflate_all(zs, data, out);
  }
  if (err == Z_STREAM_ERROR) {
    deflateEnd(&zs);
    return zlib_error(ts, self, zs, err, "while compressing data");
  }
  std::string result = out.take(zs);
  err = deflateEnd(&zs);
  if (err != Z_OK) return zlib_error(ts, self, zs, err, "while finishing compression");
  return new_bytes(ts, std::move(result));
}

// The inflate loop of CPython's zlib_decompress_impl, resumable: it stops
// (returning Z_OK with `paused` set) once the output has passed `limit`
// bytes, so that decompress can release the GIL for the rest. Touches no
// Value. The state between calls is the stream, `rest` and `flush`.
struct Inflater {
  z_stream zs{};
  std::string_view rest;
  int flush = Z_NO_FLUSH;
  bool need_input = true;  // the previous piece of input is used up
  int err = Z_OK;

  // Returns true when finished (err says how), false when paused.
  bool run(Output& out, std::size_t limit) {
    for (;;) {
      if (need_input) {
        flush = next_input(zs, rest) ? Z_FINISH : Z_NO_FLUSH;
        need_input = false;
      }
      do {
        if (out.written(zs) >= limit && zs.avail_out == 0) return false;
        if (zs.avail_out == 0) out.grow(zs);
        err = inflate(&zs, flush);
        switch (err) {
          case Z_OK:
          case Z_BUF_ERROR:
          case Z_STREAM_END:
            break;
          default:
            return true;  // Z_MEM_ERROR, Z_DATA_ERROR, ...
        }
      } while (zs.avail_out == 0);
      need_input = true;
      if (err == Z_STREAM_END || flush == Z_FINISH) return true;
    }
  }
};

Value zlib_decompress(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  Bytes* b = data_arg(ts, a[0]);
  if (b == nullptr) return Value::fail();
  int wbits = MAX_WBITS;
  std::int64_t bufsize = kDefBufSize;
  if (!a[1].is_null() && !int_arg(ts, a[1], wbits)) return Value::fail();
  if (!a[2].is_null()) {
    auto v = to_index(ts, a[2]);
    if (!v) return Value::fail();
    bufsize = *v;
  }
  if (bufsize < 0) return raise(ts, in.types.ValueError, "bufsize must be non-negative");
  if (bufsize == 0) bufsize = 1;

  Inflater inf;
  inf.rest = b->s;
  int err = inflateInit2(&inf.zs, wbits);
  switch (err) {
    case Z_OK: break;
    case Z_MEM_ERROR: return raise_memory(ts, "Out of memory while decompressing data");
    default:
      inflateEnd(&inf.zs);
      return zlib_error(ts, self, inf.zs, err, "while preparing to decompress data");
  }
  Output out(static_cast<std::size_t>(bufsize));
  inf.zs.avail_out = 0;
  bool done = inf.rest.size() < kGilMinSize && inf.run(out, kInflateWithGil);
  if (!done) {
    TempRoot pin(ts, a[0]);
    ReleaseGil released(ts, {RunState::Io, "zlib.decompress"});
    inf.run(out, SIZE_MAX);
  }
  err = inf.err;
  if (err == Z_MEM_ERROR) {
    inflateEnd(&inf.zs);
    return raise_memory(ts, "Out of memory while decompressing data");
  }
  if (err != Z_STREAM_END) {
    inflateEnd(&inf.zs);
    return zlib_error(ts, self, inf.zs, err, "while decompressing data");
  }
  std::string result = out.take(inf.zs);
  err = inflateEnd(&inf.zs);
  if (err != Z_OK) return zlib_error(ts, self, inf.zs, err, "while finishing decompression");
  return new_bytes(ts, std::move(result));
}

// ---------------------------------------------------------------------------
// Checksums
// ---------------------------------------------------------------------------

using ChecksumFn = uLong (*)(uLong, const Bytef*, uInt);

// crc32 / adler32 (data, value=START, /): the running value is any int,
// taken modulo 2**32 as CPython's unsigned-int converter does.
Value checksum(ThreadState& ts, const Args& a, ChecksumFn fn, std::uint32_t start) {
  Bytes* b = data_arg(ts, a[0]);
  if (b == nullptr) return Value::fail();
  std::uint32_t value = start;
  if (!a[1].is_null()) {
    Value v = a[1];
    if (as_bigint(v) != nullptr) {  // wider than int64: keep the low 32 bits
      v = binary_op(ts, front::BinOp::BitAnd, v, Value::from_int(0xffffffff));
      if (v.is_fail()) return v;
    }
    auto i = to_index(ts, v);
    if (!i) return Value::fail();
    value = static_cast<std::uint32_t>(static_cast<std::uint64_t>(*i));
  }
  std::string_view data = b->s;
  auto run = [&] {
    uLong r = value;
    while (!data.empty()) {
      std::size_t n = data.size() < UINT_MAX ? data.size() : UINT_MAX;
      r = fn(r, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(n));
      data.remove_prefix(n);
    }
    return static_cast<std::uint32_t>(r & 0xffffffffu);
  };
  if (data.size() > kChecksumGilMinSize) {
    TempRoot pin(ts, a[0]);
    ReleaseGil released(ts, {RunState::Io, "zlib checksum"});
    value = run();
  } else {
    value = run();
  }
  return Value::from_int(static_cast<std::int64_t>(value));
}

Value zlib_crc32(ThreadState& ts, Value self, const Args& a) {
  return checksum(ts, a, ::crc32, 0);
}

Value zlib_adler32(ThreadState& ts, Value self, const Args& a) {
  return checksum(ts, a, ::adler32, 1);
}

// Functions whose Native's `data` is zlib.error (call_object passes it as
// `self`).
const MethodDef kZlibFunctions[] = {
    {"compress", zlib_compress, "data, /, level=Z_DEFAULT_COMPRESSION, wbits=MAX_WBITS", Style::Keywords},
    {"decompress", zlib_decompress, "data, /, wbits=MAX_WBITS, bufsize=DEF_BUF_SIZE", Style::Keywords},
    {"crc32", zlib_crc32, "data, value=0, /", Style::Positional},
    {"adler32", zlib_adler32, "data, value=1, /", Style::Positional},
};

struct IntConstant {
  const char* name;
  std::int64_t value;
};

const IntConstant kConstants[] = {
    {"MAX_WBITS", MAX_WBITS},
    {"DEFLATED", Z_DEFLATED},
    {"DEF_MEM_LEVEL", kDefMemLevel},
    {"DEF_BUF_SIZE", kDefBufSize},
    {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
    {"Z_BEST_SPEED", Z_BEST_SPEED},
    {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
    {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION},
    {"Z_FILTERED", Z_FILTERED},
    {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY},
    {"Z_RLE", Z_RLE},
    {"Z_FIXED", Z_FIXED},
    {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY},
    {"Z_NO_FLUSH", Z_NO_FLUSH},
    {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH},
    {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
    {"Z_FULL_FLUSH", Z_FULL_FLUSH},
    {"Z_FINISH", Z_FINISH},
    {"Z_BLOCK", Z_BLOCK},
    {"Z_TREES", Z_TREES},
};

}  // namespace

bool init_zlib_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  // zlib.error is what CPython's PyErr_NewException("zlib.error") makes: a
  // plain class deriving from Exception, as if written `class error(Exception)`
  // in a module named zlib — so not `builtin` (repr and tracebacks then show
  // zlib.error, and it is instantiated and subclassed like a user class).
  Type* error = make_builtin_type(in, "error", in.types.Exception, Kind::Exception);
  error->builtin = false;
  error->module_name = obj(in.intern("zlib"));
  dict_set_cstr(in, d, "error", obj(error));
  add_functions(in, d, kZlibFunctions);
  for (const MethodDef& def : kZlibFunctions) 
    static_cast<Native*>(dict_get_cstr(in, d, def.name).as_obj())->data = obj(error);
  for (const IntConstant& c : kConstants) dict_set_cstr(in, d, c.name, Value::from_int(c.value));
  dict_set_cstr(in, d, "ZLIB_VERSION", new_str(ts, ZLIB_VERSION));
  dict_set_cstr(in, d, "ZLIB_RUNTIME_VERSION", new_str(ts, zlibVersion()));
  return true;
}

}  // namespace gilvm
