// modules/pickle/pickler.cpp — writing pickles (the format and the choices
// that make the bytes CPython's are described in pickle.h).
//
// One Pickler per dumps() call. Output goes to a growable byte buffer; with
// framing on (protocol 4+), the first write after a frame was committed
// reserves 9 bytes for the next FRAME header, and commit_frame() fills it in
// (or removes it when the frame holds under 4 bytes), as CPython's
// _Pickler_CommitFrame. save() checks for an opcode boundary past 64 KiB
// after every value, which is where CPython cuts its frames.
//
// The memo maps an object's address to its index. An address must not be
// reused while it is a key (CPython's memo holds a reference for that
// reason). Until the pickler first calls Python code, nothing can change
// the value being pickled, so every memoized object stays reachable from
// it and the memo holds nothing. Before the first call (a __reduce__, an
// import, a __getstate__...) pin_memo() puts every memoized object in
// Roots::first, and from then on each newly memoized one too, so that code
// which empties a container being pickled cannot free an object whose
// address is a memo key. Results of those calls are kept there as well.

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "modules/pickle/memo.h"
#include "modules/pickle/opcodes.h"
#include "modules/pickle/pickle.h"
#include "runtime/file.h"
#include "runtime/numfmt.h"
#include "runtime/unicode.h"
#include "vm/import.h"

namespace gilvm::pickle {

namespace {

using text::float_repr;
using text::str_repr;
using text::utf8_append;
using text::utf8_decode_at;

constexpr std::size_t kFrameHeaderSize = 9;        // FRAME + 8-byte length
constexpr std::size_t kFrameSizeMin = 4;           // smaller frames are dropped
constexpr std::size_t kFrameSizeTarget = 64 * 1024;  // cut frames past this
constexpr std::size_t kBatchSize = 1000;           // items per APPENDS / SETITEMS / ADDITEMS
constexpr std::size_t kNoFrame = static_cast<std::size_t>(-1);
// Nesting deeper than this raises RecursionError even under a raised
// recursion limit: save() recurses on the C++ stack.
constexpr int kMaxDepth = 20000;

// Memo keys for objects CPython memoizes that gilvm has no object for
// (protocols 0-2 pickle bytes as _codecs.encode(str, 'latin1')).
const char kCodecsEncodeKey = 0;
const char kLatin1Key = 0;
const char kReconstructorKey = 0;  // copyreg._reconstructor (protocols 0-1)

// Python 2 names of builtins, for GLOBAL at protocols 0-2 (fix_imports;
// Lib/_compat_pickle.py REVERSE_NAME_MAPPING).
struct NameMap {
  const char* py3;
  const char* module2;
  const char* name2;
};
constexpr NameMap kRenamedBuiltins[] = {
    {"range", "__builtin__", "xrange"}, {"chr", "__builtin__", "unichr"}, {"str", "__builtin__", "unicode"},
    {"int", "__builtin__", "long"},     {"zip", "itertools", "izip"},     {"map", "itertools", "imap"},
    {"filter", "itertools", "ifilter"}, {"ModuleNotFoundError", "exceptions", "ImportError"},
};
// Exceptions that Python 2 had in its `exceptions` module.
constexpr const char* kPy2Exceptions[] = {
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BufferError", "BytesWarning",
    "DeprecationWarning", "EOFError", "EnvironmentError", "Exception", "FloatingPointError", "FutureWarning",
    "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError", "KeyError",
    "KeyboardInterrupt", "LookupError", "MemoryError", "NameError", "NotImplementedError", "OSError",
    "OverflowError", "PendingDeprecationWarning", "ReferenceError", "RuntimeError", "RuntimeWarning",
    "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TypeError",
    "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError",
    "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError"};

class Pickler {
 public:
  Pickler(ThreadState& ts, const ErrorTypes& errors, int protocol, Roots* roots, PickleMemo& memo)
      : ts_(ts), in_(ts.interp), errors_(errors), proto_(protocol), roots_(roots), memo_(memo.table),
        next_memo_(memo.next), pinned_(memo.pinned) {}

  bool dump(Value v) {
    if (proto_ >= 2) {
      char* p = reserve(2);
      p[0] = static_cast<char>(PROTO);
      p[1] = static_cast<char>(proto_);
      framing_ = proto_ >= 4;
    }
    if (!save(v)) return false;
    op(STOP);
    commit_frame();
    framing_ = false;
    return true;
  }
  std::string take() {
    buf_.resize(len_);
    return std::move(buf_);
  }

 private:
  // -------------------------------------------------------------------------
  // Output and framing
  // -------------------------------------------------------------------------

  char* reserve(std::size_t n) {
    if (framing_ && frame_start_ == kNoFrame) {
      frame_start_ = len_;
      ensure(kFrameHeaderSize);
      len_ += kFrameHeaderSize;
    }
    ensure(n);
    char* p = buf_.data() + len_;
    len_ += n;
    return p;
  }
  void ensure(std::size_t n) {
    if (len_ + n > buf_.size()) buf_.resize(std::max(buf_.size() * 2, len_ + n + 256));
  }
  void op(Op o) { *reserve(1) = static_cast<char>(o); }
  void write(std::string_view s) {
    if (!s.empty()) std::memcpy(reserve(s.size()), s.data(), s.size());
  }
  static void put_le(char* p, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  }

  void commit_frame() {
    if (!framing_ || frame_start_ == kNoFrame) return;
    std::size_t frame_len = len_ - frame_start_ - kFrameHeaderSize;
    char* q = buf_.data() + frame_start_;
    if (frame_len >= kFrameSizeMin) {
      q[0] = static_cast<char>(FRAME);
      put_le(q + 1, frame_len, 8);
    } else {
      std::memmove(q, q + kFrameHeaderSize, frame_len);
      len_ -= kFrameHeaderSize;
    }
    frame_start_ = kNoFrame;
  }
  void opcode_boundary() {
    if (framing_ && frame_start_ != kNoFrame && len_ - frame_start_ - kFrameHeaderSize >= kFrameSizeTarget)
      commit_frame();
  }
  // A header and a payload; a payload of 64 KiB or more goes outside any
  // frame (CPython's _Pickler_write_bytes).
  void write_payload(const char* header, std::size_t hlen, std::string_view data) {
    bool bypass = data.size() >= kFrameSizeTarget;
    bool framing = framing_;
    if (bypass) {
      commit_frame();
      framing_ = false;
    }
    std::memcpy(reserve(hlen), header, hlen);
    write(data);
    framing_ = framing;
  }

  // -------------------------------------------------------------------------
  // Memo
  // -------------------------------------------------------------------------

  // Records the object just pushed as the next memo index.
  void memoize(const void* key) {
    if (key != nullptr) {
      memo_.put(key, next_memo_);
      if (pinned_ && !is_tag(key)) roots_->first.push_back(obj(static_cast<Object*>(const_cast<void*>(key))));
    }
    std::uint32_t idx = next_memo_++;
    if (proto_ >= 4) {
      op(MEMOIZE);
    } else if (proto_ >= 1) {
      if (idx < 256) {
        char* p = reserve(2);
        p[0] = static_cast<char>(BINPUT);
        p[1] = static_cast<char>(idx);
      } else {
        char* p = reserve(5);
        p[0] = static_cast<char>(LONG_BINPUT);
        put_le(p + 1, idx, 4);
      }
    } else {
      write(fmt::format("p{}\n", idx));
    }
  }
  static bool is_tag(const void* key) {
    return key == &kCodecsEncodeKey || key == &kLatin1Key || key == &kReconstructorKey;
  }
  // Called before the pickler runs Python code (see the file comment).
  void pin_memo() {
    if (pinned_) return;
    pinned_ = true;
    memo_.for_each_key([&](const void* key) {
      if (!is_tag(key)) roots_->first.push_back(obj(static_cast<Object*>(const_cast<void*>(key))));
    });
  }

  void write_get(std::int64_t idx) {
    if (proto_ >= 1) {
      if (idx < 256) {
        char* p = reserve(2);
        p[0] = static_cast<char>(BINGET);
        p[1] = static_cast<char>(idx);
      } else {
        char* p = reserve(5);
        p[0] = static_cast<char>(LONG_BINGET);
        put_le(p + 1, static_cast<std::uint64_t>(idx), 4);
      }
    } else {
      write(fmt::format("g{}\n", idx));
    }
  }
  // When the object got memoized while its parts were saved (a recursive
  // reference), pops `npop` stack items (or back to the MARK) and fetches
  // it from the memo instead. True when it did.
  bool refetch_if_memoized(const void* key, std::size_t npop, bool to_mark) {
    std::int64_t idx = memo_.get(key);
    if (idx < 0) return false;
    if (to_mark && proto_ >= 1) {
      op(POP_MARK);
    } else {
      for (std::size_t i = 0; i < npop; ++i) op(POP);
    }
    write_get(idx);
    return true;
  }

  // -------------------------------------------------------------------------
  // save: one value
  // -------------------------------------------------------------------------

  bool save(Value v) {
    bool ok;
    switch (v.tag()) {
      case Tag::None: op(NONE); ok = true; break;
      case Tag::Bool: save_bool(v.as_bool()); ok = true; break;
      case Tag::Int: save_int(v.as_int()); ok = true; break;
      case Tag::Float: save_float(v.as_float()); ok = true; break;
      case Tag::Obj: ok = save_obj(v); break;
      default: ok = cannot_pickle(v); break;
    }
    if (ok) opcode_boundary();
    return ok;
  }

  void save_bool(bool b) {
    if (proto_ >= 2) op(b ? NEWTRUE : NEWFALSE);
    else write(b ? "I01\n" : "I00\n");
  }

  void save_int(std::int64_t x) {
    if (x >= INT32_MIN && x <= INT32_MAX) {
      if (proto_ >= 1) {
        if (x >= 0 && x <= 0xff) {
          char* p = reserve(2);
          p[0] = static_cast<char>(BININT1);
          p[1] = static_cast<char>(x);
        } else if (x >= 0 && x <= 0xffff) {
          char* p = reserve(3);
          p[0] = static_cast<char>(BININT2);
          put_le(p + 1, static_cast<std::uint64_t>(x), 2);
        } else {
          char* p = reserve(5);
          p[0] = static_cast<char>(BININT);
          put_le(p + 1, static_cast<std::uint64_t>(x), 4);
        }
      } else {
        write(fmt::format("I{}\n", x));
      }
      return;
    }
    if (proto_ < 2) {
      write(fmt::format("L{}L\n", x));
      return;
    }
    std::uint64_t mag = x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x);
    std::string le;
    for (std::uint64_t m = mag; m != 0; m >>= 8) le.push_back(static_cast<char>(m & 0xff));
    save_long_bytes(le, x < 0);
  }

  // LONG1 / LONG4 from the magnitude's bytes (little-endian): the shortest
  // two's-complement form, as CPython's encode_long (nbits/8 + 1 bytes,
  // less one for a negative number whose top byte would be a bare 0xff).
  void save_long_bytes(std::string le, bool negative) {
    std::size_t nbits = 0;
    if (!le.empty()) {
      unsigned top = static_cast<unsigned char>(le.back());
      nbits = (le.size() - 1) * 8;
      while (top != 0) { ++nbits; top >>= 1; }
    }
    std::size_t nbytes = (nbits >> 3) + 1;
    le.resize(nbytes, '\0');
    if (negative) {
      unsigned carry = 1;
      for (char& c : le) {
        unsigned b = (~static_cast<unsigned char>(c) & 0xffu) + carry;
        c = static_cast<char>(b & 0xff);
        carry = b >> 8;
      }
      if (nbytes > 1 && static_cast<unsigned char>(le[nbytes - 1]) == 0xff &&
          (static_cast<unsigned char>(le[nbytes - 2]) & 0x80) != 0)
        le.resize(--nbytes);
    }
    if (nbytes < 256) {
      char h[2] = {static_cast<char>(LONG1), static_cast<char>(nbytes)};
      write_payload(h, 2, le);
    } else {
      char h[5] = {static_cast<char>(LONG4)};
      put_le(h + 1, nbytes, 4);
      write_payload(h, 5, le);
    }
  }

  void save_bigint(const BigInt& b) {
    if (proto_ < 2) {
      write(fmt::format("L{}L\n", b.to_string()));
      return;
    }
    std::string le;
    for (BigInt::Limb limb : b.limbs())
      for (int i = 0; i < 4; ++i) le.push_back(static_cast<char>((limb >> (8 * i)) & 0xff));
    while (!le.empty() && le.back() == '\0') le.pop_back();
    save_long_bytes(std::move(le), b.is_negative());
  }

  void save_float(double d) {
    if (proto_ >= 1) {
      std::uint64_t bits;
      std::memcpy(&bits, &d, 8);
      char* p = reserve(9);
      p[0] = static_cast<char>(BINFLOAT);
      for (int i = 0; i < 8; ++i) p[1 + i] = static_cast<char>((bits >> (8 * (7 - i))) & 0xff);
    } else {
      write("F" + float_repr(d) + "\n");
    }
  }

  bool save_obj(Value v) {
    Object* o = v.as_obj();
    if (o->kind == Kind::BigInt) {
      save_bigint(static_cast<BigIntObj*>(o)->v);
      return true;
    }
    std::int64_t idx = memo_.get(o);
    if (idx >= 0) {
      write_get(idx);
      return true;
    }
    switch (o->kind) {
      case Kind::Str: return save_str(static_cast<Str*>(o));
      case Kind::Bytes: return save_bytes(static_cast<Bytes*>(o));
      case Kind::Type:
      case Kind::Function:
      case Kind::Native: return save_global(v, nullptr);
      default: break;
    }
    // CPython's recursion check counts one level per save() and another
    // for the items of a list or dict, on top of the Python frames: the
    // same depth of nesting fails in both.
    int units = o->kind == Kind::List || o->kind == Kind::Dict ? 2 : 1;
    depth_ += units;
    if (depth_ + ts_.depth + 1 > std::min(in_.recursion_limit, kMaxDepth)) {
      depth_ -= units;
      raise(ts_, in_.types.RecursionError, "maximum recursion depth exceeded while pickling an object");
      return false;
    }
    bool ok;
    switch (o->kind) {
      case Kind::List: ok = save_list(static_cast<List*>(o)); break;
      case Kind::Tuple: ok = save_tuple(static_cast<Tuple*>(o)); break;
      case Kind::Dict: ok = save_dict(static_cast<Dict*>(o)); break;
      case Kind::Set: ok = save_set(static_cast<Set*>(o)); break;
      case Kind::Instance:
      case Kind::Exception: ok = save_instance(v); break;
      case Kind::BoundMethod: ok = save_method(static_cast<BoundMethod*>(o)); break;
      case Kind::Range: ok = save_range(v); break;
      case Kind::Slice: ok = save_slice(static_cast<Slice*>(o)); break;
      case Kind::Singleton:  // Ellipsis, NotImplemented: by name, as their __reduce__
        ok = save_global(v, in_.intern(static_cast<Singleton*>(o)->repr));
        break;
      default: ok = cannot_pickle(v); break;
    }
    depth_ -= units;
    return ok;
  }

  // The qualified name CPython gives the type in "cannot pickle 'X' object".
  std::string qualified_type_name(Value v) {
    Type* t = type_of(ts_, v);
    if (t == in_.types.file) {
      const File* f = static_cast<const File*>(v.as_obj());
      if (!f->binary) return "_io.TextIOWrapper";
      if (f->readable && f->writable) return "_io.BufferedRandom";
      return f->readable ? "_io.BufferedReader" : "_io.BufferedWriter";
    }
    std::string name = t->name->s;
    if (Str* m = as_str(t->module_name); m != nullptr && m->s != "builtins") return m->s + "." + name;
    return name;
  }
  bool cannot_pickle(Value v) {
    raise_fmt(ts_, in_.types.TypeError, "cannot pickle '{}' object", qualified_type_name(v));
    return false;
  }

  // -------------------------------------------------------------------------
  // str, bytes
  // -------------------------------------------------------------------------

  bool save_str(Str* s) {
    std::size_t n = s->s.size();
    if (proto_ == 0) return save_str_text(s);
    if (proto_ >= 4 && n <= 0xff) {
      char h[2] = {static_cast<char>(SHORT_BINUNICODE), static_cast<char>(n)};
      write_payload(h, 2, s->s);
    } else if (n <= 0xffffffffULL) {
      char h[5] = {static_cast<char>(BINUNICODE)};
      put_le(h + 1, n, 4);
      write_payload(h, 5, s->s);
    } else if (proto_ >= 4) {
      char h[9] = {static_cast<char>(BINUNICODE8)};
      put_le(h + 1, n, 8);
      write_payload(h, 9, s->s);
    } else {
      raise(ts_, in_.types.OverflowError, "serializing a string larger than 4 GiB requires pickle protocol 4 or higher");
      return false;
    }
    memoize(s);
    return true;
  }

  // Protocol 0: UNICODE with raw-unicode-escape, and the characters that
  // would break the line-based format escaped as \uXXXX (CPython's
  // write_unicode_binary's text branch).
  bool save_str_text(Str* s) {
    std::string out = "V";
    std::string_view text = s->s;
    for (std::size_t i = 0; i < text.size();) {
      char32_t cp = utf8_decode_at(text, i);
      if (cp == '\\' || cp == '\0' || cp == '\n' || cp == '\r' || cp == 0x1a) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
      } else if (cp < 0x100) {
        out.push_back(static_cast<char>(cp));  // latin-1 byte, as raw-unicode-escape
      } else if (cp < 0x10000) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
      } else {
        out += fmt::format("\\U{:08x}", static_cast<unsigned>(cp));
      }
    }
    out.push_back('\n');
    write(out);
    memoize(s);
    return true;
  }

  bool save_bytes(Bytes* b) {
    std::size_t n = b->s.size();
    if (proto_ < 3) return save_bytes_old(b);
    if (n <= 0xff) {
      char h[2] = {static_cast<char>(SHORT_BINBYTES), static_cast<char>(n)};
      write_payload(h, 2, b->s);
    } else if (n <= 0xffffffffULL) {
      char h[5] = {static_cast<char>(BINBYTES)};
      put_le(h + 1, n, 4);
      write_payload(h, 5, b->s);
    } else {
      char h[9] = {static_cast<char>(BINBYTES8)};
      put_le(h + 1, n, 8);
      write_payload(h, 9, b->s);
    }
    memoize(b);
    return true;
  }

  // Protocols 0-2 have no bytes opcode: CPython writes bytes() for b'' and
  // _codecs.encode(the bytes as a latin-1 str, 'latin1') otherwise.
  bool save_bytes_old(Bytes* b) {
    if (b->s.empty()) {
      if (!save_global(obj(in_.types.bytes), nullptr)) return false;
      empty_tuple();
    } else {
      global_ref(&kCodecsEncodeKey, "_codecs", "encode");
      if (proto_ < 2) op(MARK);
      std::string latin1;
      for (unsigned char c : b->s) utf8_append(latin1, c);
      Str* text = new_str_obj(in_, std::move(latin1));
      roots_->first.push_back(obj(text));
      if (!save(obj(text))) return false;
      std::int64_t idx = memo_.get(&kLatin1Key);
      if (idx >= 0) {
        write_get(idx);
      } else {
        write_str_literal("latin1");
        memoize(&kLatin1Key);
      }
      tuple_op(2);
      memoize(nullptr);
    }
    op(REDUCE);
    memoize(b);
    return true;
  }

  // An ASCII str that is not an object of the program (memoized by the
  // caller).
  void write_str_literal(std::string_view s) {
    if (proto_ >= 4) {
      char h[2] = {static_cast<char>(SHORT_BINUNICODE), static_cast<char>(s.size())};
      write_payload(h, 2, s);
    } else if (proto_ >= 1) {
      char h[5] = {static_cast<char>(BINUNICODE)};
      put_le(h + 1, s.size(), 4);
      write_payload(h, 5, s);
    } else {
      write("V" + std::string(s) + "\n");
    }
  }

  void empty_tuple() {
    if (proto_ >= 1) op(EMPTY_TUPLE);
    else write("(t");
  }
  // Closes a tuple of n items (n <= 3 at protocol 2+ with no MARK pushed;
  // otherwise after a MARK).
  void tuple_op(std::size_t n) {
    if (proto_ >= 2 && n >= 1 && n <= 3) op(static_cast<Op>(TUPLE1 + n - 1));
    else op(TUPLE);
  }

  // -------------------------------------------------------------------------
  // Containers
  // -------------------------------------------------------------------------

  bool save_tuple(Tuple* t) {
    std::size_t n = t->items.size();
    if (n == 0) {
      empty_tuple();
      return true;
    }
    if (n <= 3 && proto_ >= 2) {
      for (std::size_t i = 0; i < n; ++i)
        if (!save(t->items[i])) return false;
      if (refetch_if_memoized(t, n, false)) return true;
      tuple_op(n);
      memoize(t);
      return true;
    }
    op(MARK);
    for (std::size_t i = 0; i < n; ++i)
      if (!save(t->items[i])) return false;
    if (refetch_if_memoized(t, n + 1, true)) return true;
    op(TUPLE);
    memoize(t);
    return true;
  }

  // EMPTY_LIST / EMPTY_DICT (protocol 0: MARK LIST / MARK DICT), memoized.
  void open_container(Object* o, Op empty, std::string_view text) {
    if (proto_ >= 1) op(empty);
    else write(text);
    memoize(o);
  }

  bool save_list(List* l) {
    open_container(l, EMPTY_LIST, "(l");
    if (proto_ == 0) {
      for (std::size_t i = 0; i < l->items.size(); ++i) {
        if (!save(l->items[i])) return false;
        op(APPEND);
      }
      return true;
    }
    if (l->items.size() == 1) {
      if (!save(l->items[0])) return false;
      op(APPEND);
      return true;
    }
    // The list may change while its items are saved (a __reduce__ can do
    // anything): the bound is re-read each time, as CPython's batch_list_exact.
    std::size_t total = 0;
    while (total < l->items.size()) {
      op(MARK);
      std::size_t batch = 0;
      while (total < l->items.size()) {
        if (!save(l->items[total])) return false;
        ++total;
        if (++batch == kBatchSize) break;
      }
      op(APPENDS);
    }
    return true;
  }

  bool save_dict(Dict* d) {
    open_container(d, EMPTY_DICT, "(d");
    std::size_t size = d->used;
    // Live entries in insertion order; the dict must not change size.
    std::size_t pos = 0;
    auto next = [&](Value& k, Value& v) {
      while (pos < d->entries.size()) {
        DictEntry& e = d->entries[pos++];
        if (!e.key.is_null()) {
          k = e.key;
          v = e.value;
          return true;
        }
      }
      return false;
    };
    auto changed = [&]() {
      if (d->used == size) return false;
      raise(ts_, in_.types.RuntimeError, "dictionary changed size during iteration");
      return true;
    };
    Value k, v;
    if (proto_ == 0 || size == 1) {
      while (next(k, v)) {
        if (!save(k) || !save(v)) return false;
        op(SETITEM);
        if (changed()) return false;
      }
      return true;
    }
    std::size_t done = 0;
    while (done < size) {
      op(MARK);
      std::size_t batch = 0;
      while (batch < kBatchSize && next(k, v)) {
        if (!save(k) || !save(v)) return false;
        if (changed()) return false;
        ++batch;
      }
      op(SETITEMS);
      done += batch;
      if (batch == 0) break;
    }
    return true;
  }

  bool save_set(Set* s) {
    if (proto_ < 4) return save_set_old(s);
    std::size_t size = s->used;
    std::size_t pos = 0;
    auto next = [&](Value& k) {
      while (pos < s->table.size()) {
        const SetEntry& e = s->table[pos++];
        if (!e.key.is_null()) {
          k = e.key;
          return true;
        }
      }
      return false;
    };
    Value k;
    if (s->frozen) {
      op(MARK);
      while (next(k))
        if (!save(k)) return false;
      if (refetch_if_memoized(s, 0, true)) return true;
      op(FROZENSET);
      memoize(s);
      return true;
    }
    op(EMPTY_SET);
    memoize(s);
    if (size == 0) return true;
    // CPython's loop: a full batch is followed by another (possibly empty)
    // one, so exactly 1000 items end with an empty MARK ADDITEMS.
    std::size_t batch;
    do {
      op(MARK);
      batch = 0;
      while (next(k)) {
        if (!save(k)) return false;
        if (++batch == kBatchSize) break;
      }
      op(ADDITEMS);
      if (s->used != size) {
        raise(ts_, in_.types.RuntimeError, "set changed size during iteration");
        return false;
      }
    } while (batch == kBatchSize);
    return true;
  }

  // Before protocol 4: set(list_of_items) / frozenset(...) by REDUCE.
  bool save_set_old(Set* s) {
    if (!save_global(obj(s->frozen ? in_.types.frozenset : in_.types.set), nullptr)) return false;
    List* items = new_list(ts_);
    roots_->first.push_back(obj(items));
    for (const SetEntry& e : s->table)
      if (!e.key.is_null()) items->items.push_back(e.key);
    if (proto_ < 2) op(MARK);
    if (!save(obj(items))) return false;
    tuple_op(1);
    memoize(nullptr);
    op(REDUCE);
    memoize(s);
    return true;
  }

  // -------------------------------------------------------------------------
  // Globals: classes and functions by module and qualified name
  // -------------------------------------------------------------------------

  // Walks `dotted` (a qualified name) from `root`. Null when an attribute
  // is missing (no exception left pending), Fail on another error.
  Value deep_getattr(Value root, std::string_view dotted) {
    Value cur = root;
    TempRoot keep(ts_, cur);
    while (true) {
      std::size_t dot = dotted.find('.');
      std::string_view part = dotted.substr(0, dot);
      cur = lookup_attr(ts_, cur, in_.intern(part));
      if (cur.is_null() || cur.is_fail()) return cur;
      keep.set(cur);
      if (dot == std::string_view::npos) return cur;
      dotted.remove_prefix(dot + 1);
    }
  }

  // CPython's whichmodule(): __module__, else the module in sys.modules
  // (not __main__) that has the object under that name, else __main__.
  Value which_module(Value v, std::string_view dotted) {
    Value m = lookup_attr(ts_, v, in_.names.__module__);
    if (m.is_fail()) return m;
    if (!m.is_null() && !m.is_none()) return m;
    // Builtin functions first: gilvm puts `builtins` in sys.modules only
    // once a program imports it.
    if (dotted.find('.') == std::string_view::npos && dict_get_cstr(in_, in_.builtins, dotted).identical(v))
      return obj(in_.intern("builtins"));
    std::vector<std::pair<Value, Value>> mods;
    dict_for_each(in_.modules, [&](Value k, Value mod) { mods.emplace_back(k, mod); });
    for (auto& [name, mod] : mods) {
      Str* n = as_str(name);
      if (n == nullptr || n->s == "__main__" || n->s == "__mp_main__" || !as_module(mod)) continue;
      Value found = deep_getattr(mod, dotted);
      if (found.is_fail()) {
        (void)take_exception(ts_);
        continue;
      }
      if (found.identical(v)) return name;
    }
    return obj(in_.names.__main__);
  }

  // save_global(obj, name): `name` overrides __qualname__ (a __reduce__
  // that returned a string).
  bool save_global(Value v, Str* name) {
    Value qual = name != nullptr ? obj(name) : lookup_attr(ts_, v, in_.names.__qualname__);
    if (qual.is_fail()) return false;
    if (qual.is_null()) qual = get_attr(ts_, v, in_.names.__name__);
    if (qual.is_fail()) return false;
    Str* qs = as_str(qual);
    if (qs == nullptr) {
      raise(ts_, in_.types.TypeError, "__qualname__ must be a string");
      return false;
    }
    TempRoot keep_qual(ts_, qual);
    std::string_view dotted = qs->s;
    for (std::size_t start = 0;;) {
      std::size_t dot = dotted.find('.', start);
      if (dotted.substr(start, dot - start) == "<locals>") {
        Str* r = repr(ts_, qual);
        if (r == nullptr) return false;
        raise_fmt(ts_, in_.types.AttributeError, "Can't pickle local object {}", r->s);
        return false;
      }
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    Value modname = which_module(v, dotted);
    if (modname.is_fail()) return false;
    TempRoot keep_mod(ts_, modname);
    Str* ms = as_str(modname);
    if (ms == nullptr) {
      raise(ts_, in_.types.TypeError, "__module__ must be a string");
      return false;
    }
    pin_memo();  // importing runs the module's code
    Value module = import_module(ts_, ms->s);
    if (module.is_fail()) {
      (void)take_exception(ts_);
      return pickling_error(v, fmt::format("import of module {} failed", str_repr(ms->s)));
    }
    Value found = deep_getattr(module, dotted);
    if (found.is_fail()) return false;
    if (found.is_null()) return pickling_error(v, fmt::format("attribute lookup {} on {} failed", qs->s, ms->s));
    if (!found.identical(v))
      return pickling_error(v, fmt::format("it's not the same object as {}.{}", ms->s, qs->s));

    if (proto_ >= 4) {
      if (!save(modname) || !save(qual)) return false;
      op(STACK_GLOBAL);
    } else if (std::size_t dot = dotted.rfind('.'); dot != std::string_view::npos) {
      // Before protocol 4 GLOBAL names one level only: a nested name is
      // getattr(parent, last name), as CPython 3.11's save_global.
      Value parent = deep_getattr(module, dotted.substr(0, dot));
      if (parent.is_fail()) return false;
      roots_->first.push_back(parent);
      Tuple* args = new_tuple(ts_, {parent, obj(in_.intern(dotted.substr(dot + 1)))});
      roots_->first.push_back(obj(args));
      return save_reduce(v, dict_get_cstr(in_, in_.builtins, "getattr"), obj(args), Value::null(), Value::null(),
                         Value::null());
    } else {
      std::string module2 = ms->s, name2 = qs->s;
      if (proto_ < 3 && module2 == "builtins") py2_builtin_name(v, module2, name2);
      write_global_text(module2, name2);
    }
    memoize(v.as_obj());
    return true;
  }

  // fix_imports: the Python 2 module and name of a builtin.
  void py2_builtin_name(Value v, std::string& module, std::string& name) {
    module = "__builtin__";
    for (const NameMap& m : kRenamedBuiltins)
      if (name == m.py3) {
        module = m.module2;
        name = m.name2;
        return;
      }
    Type* t = as_type(v);
    if (t == nullptr || !is_subtype(t, in_.types.BaseException)) return;
    for (const char* e : kPy2Exceptions)
      if (name == e) {
        module = "exceptions";
        return;
      }
    if (is_subtype(t, in_.types.OSError)) {
      module = "exceptions";
      name = "OSError";
    }
  }

  void write_global_text(std::string_view module, std::string_view name) {
    op(GLOBAL);
    write(module);
    write("\n");
    write(name);
    write("\n");
  }

  // A global gilvm has no object for (memo key `key`).
  void global_ref(const void* key, std::string_view module, std::string_view name) {
    std::int64_t idx = memo_.get(key);
    if (idx >= 0) {
      write_get(idx);
      return;
    }
    if (proto_ >= 4) {
      write_str_literal(module);
      memoize(nullptr);
      write_str_literal(name);
      memoize(nullptr);
      op(STACK_GLOBAL);
    } else {
      write_global_text(module, name);
    }
    memoize(key);
  }

  bool pickling_error(Value v, const std::string& why) {
    Str* r = repr(ts_, v);
    if (r == nullptr) return false;
    raise_fmt(ts_, errors_.pickling_error, "Can't pickle {}: {}", r->s, why);
    return false;
  }

  // -------------------------------------------------------------------------
  // Instances: the reduce protocol
  // -------------------------------------------------------------------------

  // A method the class defines in Python (not inherited from object).
  Value user_method(Type* t, const char* name) {
    Value m = type_lookup(t, in_.intern(name));
    if (m.is_null() || (m.is_obj() && m.as_obj()->kind == Kind::Native)) return Value::null();
    return m;
  }

  bool save_instance(Value v) {
    pin_memo();  // __reduce__, __getstate__... may run
    Type* t = type_of(ts_, v);
    Value reduced = Value::null();
    if (Value m = user_method(t, "__reduce_ex__"); !m.is_null()) {
      Value bound = get_attr(ts_, v, in_.intern("__reduce_ex__"));
      if (bound.is_fail()) return false;
      TempRoot keep(ts_, bound);
      Value p = Value::from_int(proto_);
      reduced = call(ts_, bound, std::span<const Value>(&p, 1));
    } else if (Value m2 = user_method(t, "__reduce__"); !m2.is_null()) {
      reduced = call_method(ts_, v, in_.intern("__reduce__"), {});
    } else if (v.as_obj()->kind == Kind::Exception) {
      return save_exception(v);
    } else {
      return save_newobj(v, t);
    }
    if (reduced.is_fail()) return false;
    roots_->first.push_back(reduced);
    if (Str* s = as_str(reduced)) return save_global(v, s);
    Tuple* rt = as_tuple(reduced);
    if (rt == nullptr) {
      raise(ts_, errors_.pickling_error, "__reduce__ must return a string or tuple");
      return false;
    }
    std::size_t n = rt->items.size();
    if (n < 2 || n > 6) {
      raise(ts_, errors_.pickling_error, "tuple returned by __reduce__ must contain 2 through 6 elements");
      return false;
    }
    auto item = [&](std::size_t i) { return i < n && !rt->items[i].is_none() ? rt->items[i] : Value::null(); };
    return save_reduce(v, rt->items[0], rt->items[1], item(2), item(3), item(4));
  }

  // object.__reduce_ex__(2+) for a plain instance (copyreg.__reduce_ex__ /
  // reduce_newobj): cls.__new__(cls, *__getnewargs__()) by NEWOBJ, then the
  // state (__getstate__(), or the instance dict, None when empty) by BUILD.
  bool save_newobj(Value v, Type* t) {
    if (proto_ < 2) return save_reconstructor(v, t);
    Value args = obj(in_.empty_tuple);
    if (!user_method(t, "__getnewargs__").is_null()) {
      args = call_method(ts_, v, in_.intern("__getnewargs__"), {});
      if (args.is_fail()) return false;
      roots_->first.push_back(args);
      if (!as_tuple(args)) {
        raise_fmt(ts_, in_.types.TypeError, "__getnewargs__ should return a tuple, not '{}'", type_name(ts_, args));
        return false;
      }
    }
    Value state = instance_state(v, t);
    if (state.is_fail()) return false;
    if (!save(obj(t)) || !save(args)) return false;
    op(NEWOBJ);
    return finish_reduce(v, state, Value::null(), Value::null());
  }

  // Protocols 0 and 1: copyreg._reconstructor(cls, object, None), then the
  // state (copyreg._reduce_ex).
  bool save_reconstructor(Value v, Type* t) {
    Value state = instance_state(v, t);
    if (state.is_fail()) return false;
    global_ref(&kReconstructorKey, "copy_reg", "_reconstructor");
    op(MARK);
    if (!save(obj(t)) || !save(obj(in_.types.object))) return false;
    op(NONE);
    op(TUPLE);
    memoize(nullptr);
    op(REDUCE);
    return finish_reduce(v, state, Value::null(), Value::null());
  }

  Value instance_state(Value v, Type* t) {
    if (!user_method(t, "__getstate__").is_null()) {
      Value s = call_method(ts_, v, in_.intern("__getstate__"), {});
      if (s.is_fail()) return s;
      roots_->first.push_back(s);
      return s.is_none() ? Value::null() : s;
    }
    Dict* d = static_cast<Instance*>(v.as_obj())->dict;
    return d != nullptr && d->used > 0 ? obj(d) : Value::null();
  }

  // BaseException.__reduce__: (type(self), self.args[, self.__dict__]).
  bool save_exception(Value v) {
    Exception* e = static_cast<Exception*>(v.as_obj());
    Value state = e->dict != nullptr && e->dict->used > 0 ? obj(e->dict) : Value::null();
    Value args = e->args != nullptr ? obj(e->args) : obj(in_.empty_tuple);
    return save_reduce(v, obj(e->type), args, state, Value::null(), Value::null());
  }

  // A bound method: getattr(self, name), as CPython's method.__reduce__.
  bool save_method(BoundMethod* m) {
    Value name = lookup_attr(ts_, m->func, in_.names.__name__);
    if (name.is_fail()) return false;
    if (name.is_null()) return cannot_pickle(obj(m));
    Value getattr_fn = dict_get_cstr(in_, in_.builtins, "getattr");
    Tuple* args = new_tuple(ts_, {m->self, name});
    roots_->first.push_back(obj(args));
    return save_reduce(obj(m), getattr_fn, obj(args), Value::null(), Value::null(), Value::null());
  }

  // range(start, stop, step), as range.__reduce__.
  bool save_range(Value v) {
    Range* r = static_cast<Range*>(v.as_obj());
    Tuple* args = new_tuple(ts_, {Value::from_int(r->start), Value::from_int(r->stop), Value::from_int(r->step)});
    roots_->first.push_back(obj(args));
    return save_reduce(v, obj(in_.types.range), obj(args), Value::null(), Value::null(), Value::null());
  }

  // slice(start, stop, step), as slice.__reduce__.
  bool save_slice(Slice* sl) {
    auto part = [](Value x) { return x.is_null() ? Value::none() : x; };
    Tuple* args = new_tuple(ts_, {part(sl->start), part(sl->stop), part(sl->step)});
    roots_->first.push_back(obj(args));
    return save_reduce(obj(sl), obj(in_.types.slice), obj(args), Value::null(), Value::null(), Value::null());
  }

  // save_reduce for (callable, args, state, listitems, dictitems).
  bool save_reduce(Value v, Value callable, Value args, Value state, Value listitems, Value dictitems) {
    if (!is_callable(ts_, callable)) {
      raise(ts_, errors_.pickling_error, "first item of the tuple returned by __reduce__ must be callable");
      return false;
    }
    if (!as_tuple(args)) {
      raise(ts_, errors_.pickling_error, "second item of the tuple returned by __reduce__ must be a tuple");
      return false;
    }
    if (!save(callable)) return false;
    if (!save(args)) return false;
    op(REDUCE);
    return finish_reduce(v, state, listitems, dictitems);
  }

  // After NEWOBJ / REDUCE: memoize (or refetch a recursive reference),
  // then list items, dict items and the state.
  bool finish_reduce(Value v, Value state, Value listitems, Value dictitems) {
    if (!refetch_if_memoized(v.as_obj(), 1, false)) memoize(v.as_obj());
    if (!listitems.is_null() || !dictitems.is_null()) pin_memo();  // iterators may be generators
    if (!listitems.is_null()) {
      std::vector<Value> items;
      if (!collect(ts_, listitems, items)) return false;
      for (Value x : items) roots_->first.push_back(x);
      for (std::size_t i = 0; i < items.size(); i += kBatchSize) {
        op(MARK);
        for (std::size_t j = i; j < std::min(items.size(), i + kBatchSize); ++j)
          if (!save(items[j])) return false;
        op(APPENDS);
      }
    }
    if (!dictitems.is_null()) {
      std::vector<Value> items;
      if (!collect(ts_, dictitems, items)) return false;
      for (Value x : items) roots_->first.push_back(x);
      for (Value pair : items) {
        Tuple* p = as_tuple(pair);
        if (p == nullptr || p->items.size() != 2) {
          raise(ts_, in_.types.TypeError, "dict items iterator must return 2-tuples");
          return false;
        }
        if (!save(p->items[0]) || !save(p->items[1])) return false;
        op(SETITEM);
      }
    }
    if (!state.is_null()) {
      if (!save(state)) return false;
      op(BUILD);
    }
    return true;
  }

  ThreadState& ts_;
  Interpreter& in_;
  const ErrorTypes& errors_;
  int proto_;
  Roots* roots_;
  std::string buf_;
  std::size_t len_ = 0;
  bool framing_ = false;
  std::size_t frame_start_ = kNoFrame;
  MemoTable& memo_;
  std::uint32_t& next_memo_;
  int depth_ = 0;
  bool& pinned_;  // memoized objects are kept in roots_ (pin_memo)
};

}  // namespace

bool dump_value(ThreadState& ts, const ErrorTypes& errors, Value v, int protocol, std::string& out) {
  Roots* roots = ts.interp.heap.make<Roots>(errors.roots);
  TempRoot keep(ts, obj(roots));
  PickleMemo memo;
  return dump_value_with_memo(ts, errors, v, protocol, out, roots, memo);
}

bool dump_value_with_memo(ThreadState& ts, const ErrorTypes& errors, Value v, int protocol, std::string& out,
                          Roots* roots, PickleMemo& memo) {
  Pickler p(ts, errors, protocol, roots, memo);
  if (!p.dump(v)) return false;
  out = p.take();
  return true;
}

}  // namespace gilvm::pickle
