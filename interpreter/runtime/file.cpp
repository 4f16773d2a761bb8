// runtime/file.cpp — file objects (open(), sys.stdin/stdout/stderr).
//
// Design (see file.h for the contract): one File struct over a raw fd with a
// read buffer and a write buffer of bytes; text mode is UTF-8 over the same
// bytes. The system calls are the sys_* functions at the top, each a small
// function that takes and returns plain bytes; read, write, open and close
// are called with the GIL released (ReleaseGil, docs/style.md §10) on bytes
// copied out of the File first. Everything else works on Values with the GIL
// held. Operations on one File are serialized between threads by FileLock
// (its io_mu; the deadlock rule is in file.h).
//
// Python semantics follow the io module (Library Reference "io — Core tools
// for working with streams") and CPython 3.11's messages. Not modelled:
// encodings other than UTF-8, universal-newline translation of '\r' on read
// (Linux files use '\n'), text-mode tell() cookies (tell() is a byte offset).

#include "runtime/file.h"

#include <cerrno>
#include <cstring>
#include <new>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "modules/registry.h"
#include "runtime/exceptions.h"
#include "runtime/str_ops.h"
#include "vm/api.h"
#include "vm/iterate.h"
#include "vm/eval.h"
#include "vm/gil.h"
#include "vm/heap.h"

namespace gilvm {

namespace {

constexpr std::size_t kBufferSize = 8192;

// ---------------------------------------------------------------------------
// The blocking system calls: one small function each (GIL release points).
// ---------------------------------------------------------------------------

// read(2), retried on EINTR. Returns bytes read, 0 at EOF, -errno on error.
// With `breaker` (the main thread's read), a Ctrl-C that interrupts the read
// returns -EINTR, so that the caller raises KeyboardInterrupt (PEP 475):
// input() must not wait for Enter after a Ctrl-C.
long sys_read(int fd, char* buf, std::size_t n, const std::atomic<std::uint32_t>* breaker) {
  // A Ctrl-C that came just before the read would not interrupt it.
  if (breaker != nullptr && (breaker->load(std::memory_order_relaxed) & kBreakSignal)) return -EINTR;
  for (;;) {
    ssize_t r = ::read(fd, buf, n);
    if (r >= 0) return static_cast<long>(r);
    if (errno != EINTR) return -errno;
    if (breaker != nullptr && (breaker->load(std::memory_order_relaxed) & kBreakSignal)) return -EINTR;
  }
}

// write(2) until everything is written. Returns 0 or an errno value.
int sys_write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return 0;
}

// open(2) refusing directories (as FileIO does after fstat). fd or -errno.
int sys_open(const char* path, int flags) {
  int fd;
  do {
    fd = ::open(path, flags | O_CLOEXEC, 0666);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return -errno;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return -EISDIR;
  }
  return fd;
}

// close(2). 0 or errno (EINTR counts as closed, as on Linux).
int sys_close(int fd) {
  if (::close(fd) < 0 && errno != EINTR) return errno;
  return 0;
}

// lseek(2). The new offset or -errno.
long long sys_lseek(int fd, long long off, int whence) {
  off_t r = ::lseek(fd, static_cast<off_t>(off), whence);
  return r < 0 ? -static_cast<long long>(errno) : static_cast<long long>(r);
}

bool sys_isatty(int fd) { return ::isatty(fd) == 1; }

int sys_ftruncate(int fd, long long size) {
  return ::ftruncate(fd, static_cast<off_t>(size)) < 0 ? errno : 0;
}

// ---------------------------------------------------------------------------
// UTF-8
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Threads: one operation at a time per File, and the GIL released around the
// blocking calls.
// ---------------------------------------------------------------------------

// Holds f->io_mu for one operation and keeps f rooted meanwhile (another
// thread may replace sys.stdout and collect the old one while this thread
// has the GIL released). Never waits for io_mu with the GIL held.
class FileLock {
 public:
  FileLock(ThreadState& ts, File* f) : f_(f), root_(ts, Value::from_obj(f)) {
    if (!f->io_mu.try_lock()) {
      ReleaseGil released(ts, {RunState::Lock, "file lock"});  // another thread is using the file
      f->io_mu.lock();
    }  // the GIL is retaken here, io_mu held: safe by the rule in file.h
  }
  ~FileLock() { f_->io_mu.unlock(); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  File* f_;
  TempRoot root_;
};

// write(2) of bytes the caller owns, with the GIL released.
int released_write_all(ThreadState& ts, int fd, const std::string& data) {
  ReleaseGil released(ts, {RunState::Io, "file write"});
  return sys_write_all(fd, data.data(), data.size());
}

// Sends wbuf to the fd (the caller holds the FileLock). 0 or an errno.
int send_wbuf(ThreadState& ts, File* f) {
  if (f->wbuf.empty() || f->fd < 0) return 0;
  std::string pending;
  pending.swap(f->wbuf);
  return released_write_all(ts, f->fd, pending);
}


// Length of a UTF-8 sequence from its lead byte (1 for invalid bytes; the
// validator reports those).
int utf8_seq_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  if ((c & 0xF8) == 0xF0) return 4;
  return 1;
}

// Checks UTF-8; on error sets pos and CPython's reason.
bool utf8_valid(std::string_view s, std::size_t& pos, const char*& reason, bool& truncated) {
  truncated = false;
  std::size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len;
    std::uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      pos = i;
      reason = "invalid start byte";
      return false;
    }
    for (int k = 1; k < len; ++k) {
      if (i + k >= n) {
        pos = i;
        reason = "unexpected end of data";
        truncated = true;
        return false;
      }
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        pos = i;
        reason = "invalid continuation byte";
        return false;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
      pos = i;
      reason = "invalid continuation byte";
      return false;
    }
    i += len;
  }
  return true;
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

Type* unsupported_operation_type(Interpreter& interp) {
  Value t = dict_get_cstr(interp, interp.types.file->dict, "UnsupportedOperation");
  Type* ty = as_type(t);
  return ty != nullptr ? ty : interp.types.ValueError;
}

Value raise_unsupported(ThreadState& ts, std::string_view what) {
  return raise(ts, unsupported_operation_type(ts.interp), what);
}

void unregister(File* f);  // below, with the list of open files

Value raise_closed(ThreadState& ts) {
  return raise(ts, ts.interp.types.ValueError, "I/O operation on closed file.");
}

// The receiver as an open File, or null with an exception pending.
File* open_file(ThreadState& ts, Value self) {
  File* f = as_file(self);
  if (f == nullptr) {
    raise_fmt(ts, ts.interp.types.TypeError, "descriptor requires a file object but received '{}'",
              type_name(ts, self));
    return nullptr;
  }
  if (f->closed) {
    raise_closed(ts);
    return nullptr;
  }
  return f;
}

File* readable_file(ThreadState& ts, Value self) {
  File* f = open_file(ts, self);
  if (f != nullptr && !f->readable) {
    raise_unsupported(ts, "not readable");
    return nullptr;
  }
  return f;
}

File* writable_file(ThreadState& ts, Value self) {
  File* f = open_file(ts, self);
  if (f != nullptr && !f->writable) {
    raise_unsupported(ts, "not writable");
    return nullptr;
  }
  return f;
}

// Before reading: pending writes go out first (r+ / w+ files).
bool prepare_read(ThreadState& ts, File* f) {
  if (!f->wbuf.empty()) return file_flush(ts, f);
  return true;
}

// Before writing: read-ahead is given back to the kernel's file offset.
bool prepare_write(ThreadState& ts, File* f) {
  std::size_t unread = f->rbuf.size() - f->rpos;
  if (unread > 0) {
    long long r = sys_lseek(f->fd, -static_cast<long long>(unread), SEEK_CUR);
    if (r < 0 && r != -ESPIPE) return !raise_os_error(ts, static_cast<int>(-r)).is_fail();
  }
  f->rbuf.clear();
  f->rpos = 0;
  return true;
}

// Universal newlines on the bytes rbuf[from:] just read: "\r\n" and a lone
// "\r" become "\n". A chunk that ends in '\r' is translated at once and a
// '\n' starting the next chunk is then dropped.
void translate_newlines(File* f, std::size_t from) {
  std::string& b = f->rbuf;
  if (from >= b.size()) return;
  if (f->pending_cr) {
    f->pending_cr = false;
    if (b[from] == '\n') b.erase(from, 1);
  }
  if (b.find('\r', from) == std::string::npos) return;
  std::string out;
  out.reserve(b.size() - from);
  for (std::size_t k = from; k < b.size(); ++k) {
    if (b[k] != '\r') {
      out += b[k];
      continue;
    }
    out += '\n';
    if (k + 1 < b.size()) {
      if (b[k + 1] == '\n') ++k;
    } else {
      f->pending_cr = true;
    }
  }
  b.replace(from, std::string::npos, out);
}

// Reads one more chunk into rbuf. Returns bytes added (0 at EOF), -1 on error.
long fill(ThreadState& ts, File* f) {
  if (f->is_stdin) flush_stdout(ts);
  if (f->rpos > 0) {
    f->rbuf.erase(0, f->rpos);
    f->rpos = 0;
  }
  std::size_t old = f->rbuf.size();
  std::string chunk(kBufferSize, '\0');
  long r;
  for (;;) {
    {
      int fd = f->fd;
      const std::atomic<std::uint32_t>* breaker = ts.is_main ? &ts.interp.eval_breaker : nullptr;
      ReleaseGil released(ts, {RunState::Io, f->is_stdin ? "stdin read" : "file read"});  // the caller holds the FileLock
      r = sys_read(fd, chunk.data(), chunk.size(), breaker);
    }
    if (r != -EINTR) break;
    if (!handle_eval_breaker(ts)) return -1;  // Ctrl-C: KeyboardInterrupt
  }
  if (r < 0) {
    raise_os_error(ts, static_cast<int>(-r));
    return -1;
  }
  f->rbuf.append(chunk.data(), static_cast<std::size_t>(r));
  f->eof_seen = r == 0;
  if (f->translate_read && r > 0) translate_newlines(f, old);
  return r;
}

// Makes a str from bytes read in text mode, checking the UTF-8
// (UnicodeDecodeError as bytes.decode raises it).
Value decode_text(ThreadState& ts, std::string bytes) {
  std::size_t pos = 0;
  const char* reason = nullptr;
  bool truncated = false;
  if (!utf8_valid(bytes, pos, reason, truncated)) return decode_bytes(ts, bytes, "utf-8", "strict");
  return new_str(ts, std::move(bytes));
}

Value make_result(ThreadState& ts, File* f, std::string bytes) {
  if (f->binary) return new_bytes(ts, std::move(bytes));
  return decode_text(ts, std::move(bytes));
}

// Takes everything to EOF.
bool read_all(ThreadState& ts, File* f, std::string& out) {
  for (;;) {
    long r = fill(ts, f);
    if (r < 0) return false;
    if (r == 0) break;
  }
  out.assign(f->rbuf, f->rpos, std::string::npos);
  f->rbuf.clear();
  f->rpos = 0;
  return true;
}

// Bytes of the first `chars` code points available in rbuf (all of them when
// fewer are buffered); `complete` tells whether that many were found.
std::size_t prefix_bytes(const File* f, std::int64_t chars, bool& complete) {
  std::size_t i = f->rpos, n = f->rbuf.size();
  std::int64_t seen = 0;
  while (i < n && seen < chars) {
    int len = utf8_seq_len(static_cast<unsigned char>(f->rbuf[i]));
    if (i + len > n) break;  // a character split across reads
    i += len;
    ++seen;
  }
  complete = seen >= chars;
  return i - f->rpos;
}

// read(size) for size >= 0: `size` bytes (binary) or characters (text).
bool read_some(ThreadState& ts, File* f, std::int64_t size, std::string& out) {
  for (;;) {
    std::size_t avail = f->rbuf.size() - f->rpos;
    std::size_t take;
    bool complete;
    if (f->binary) {
      take = std::min<std::size_t>(avail, static_cast<std::size_t>(size));
      complete = take == static_cast<std::size_t>(size);
      // A binary read returns what one read(2) gave once something is there,
      // as a raw read would; a buffered reader (what open() gives) loops.
    } else {
      take = prefix_bytes(f, size, complete);
    }
    if (complete || f->eof_seen) {
      if (f->eof_seen && !complete) take = avail;
      out.assign(f->rbuf, f->rpos, take);
      f->rpos += take;
      if (!complete) f->eof_seen = false;  // a terminal may give more after ^D
      return true;
    }
    long r = fill(ts, f);
    if (r < 0) return false;
  }
}

std::int64_t optional_size(ThreadState& ts, const Args& a, std::size_t i, bool& ok) {
  ok = true;
  if (a[i].is_null() || a[i].is_none()) return -1;
  if (!is_int_like(a[i])) {
    ok = false;
    raise_fmt(ts, ts.interp.types.TypeError, "argument should be integer or None, not '{}'",
              type_name(ts, a[i]));
    return 0;
  }
  auto n = to_index(ts, a[i]);
  if (!n) {
    ok = false;
    return 0;
  }
  return *n;
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

Value m_read(ThreadState& ts, Value self, const Args& a) {
  File* f = readable_file(ts, self);
  if (f == nullptr) return Value::fail();
  bool ok;
  std::int64_t size = optional_size(ts, a, 0, ok);
  if (!ok) return Value::fail();
  FileLock lock(ts, f);
  if (f->closed) return raise_closed(ts);
  if (!prepare_read(ts, f)) return Value::fail();
  std::string out;
  if (size < 0) {
    if (f->binary && size != -1)
      return raise(ts, ts.interp.types.ValueError, "read length must be non-negative or -1");
    if (!read_all(ts, f, out)) return Value::fail();
  } else if (!read_some(ts, f, size, out)) {
    return Value::fail();
  }
  return make_result(ts, f, std::move(out));
}

Value m_readline(ThreadState& ts, Value self, const Args& a) {
  File* f = readable_file(ts, self);
  if (f == nullptr) return Value::fail();
  bool ok;
  std::int64_t limit = optional_size(ts, a, 0, ok);
  if (!ok) return Value::fail();
  std::string line;
  if (!file_readline(ts, f, limit, line)) return Value::fail();
  return make_result(ts, f, std::move(line));
}

Value m_readlines(ThreadState& ts, Value self, const Args& a) {
  File* f = readable_file(ts, self);
  if (f == nullptr) return Value::fail();
  bool ok;
  std::int64_t hint = optional_size(ts, a, 0, ok);
  if (!ok) return Value::fail();
  List* out = new_list(ts);
  TempRoot root(ts, obj(out));
  std::int64_t total = 0;
  for (;;) {
    std::string line;
    if (!file_readline(ts, f, -1, line)) return Value::fail();
    if (line.empty()) break;
    total += static_cast<std::int64_t>(line.size());
    Value v = make_result(ts, f, std::move(line));
    if (v.is_fail()) return v;
    out->items.push_back(v);
    if (hint > 0 && total >= hint) break;
  }
  return obj(out);
}

// The bytes of a write() argument, checking its type for the mode.
bool write_arg(ThreadState& ts, File* f, Value v, std::string_view& data, std::int64_t& count) {
  if (f->binary) {
    if (Bytes* b = as_bytes(v)) {
      data = b->s;
      count = static_cast<std::int64_t>(b->s.size());
      return true;
    }
    raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'",
              type_name(ts, v));
    return false;
  }
  if (Str* s = as_str(v)) {
    data = s->s;
    count = static_cast<std::int64_t>(s->length);
    return true;
  }
  raise_fmt(ts, ts.interp.types.TypeError, "write() argument must be str, not {}",
            type_name(ts, v));
  return false;
}

Value m_write(ThreadState& ts, Value self, const Args& a) {
  File* f = writable_file(ts, self);
  if (f == nullptr) return Value::fail();
  std::string_view data;
  std::int64_t count;
  if (!write_arg(ts, f, a[0], data, count)) return Value::fail();
  if (!file_write(ts, f, data)) return Value::fail();
  return Value::from_int(count);
}

Value m_writelines(ThreadState& ts, Value self, const Args& a) {
  File* f = writable_file(ts, self);
  if (f == nullptr) return Value::fail();
  bool ok = for_each_item(ts, a[0], [&](Value line) {
    if (f->closed) {
      raise_closed(ts);
      return false;
    }
    std::string_view data;
    std::int64_t count;
    return write_arg(ts, f, line, data, count) && file_write(ts, f, data);
  });
  return ok ? Value::none() : Value::fail();
}

bool close_file(ThreadState& ts, File* f) {
  if (f->closed) return true;
  FileLock lock(ts, f);
  if (f->closed) return true;  // another thread closed it while this one waited
  unregister(f);
  bool ok = file_flush(ts, f);
  f->closed = true;
  f->rbuf.clear();
  f->rpos = 0;
  if (f->closefd && f->fd >= 0) {
    int fd = f->fd;
    f->fd = -1;
    int err;
    {
      ReleaseGil released(ts, {RunState::Io, "file close"});
      err = sys_close(fd);
    }
    if (err != 0 && ok) {
      raise_os_error(ts, err);
      return false;
    }
  }
  return ok;
}

Value m_close(ThreadState& ts, Value self, const Args& a) {
  File* f = as_file(self);
  if (f == nullptr) return raise(ts, ts.interp.types.TypeError, "close() needs a file");
  return close_file(ts, f) ? Value::none() : Value::fail();
}

Value m_flush(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  return file_flush(ts, f) ? Value::none() : Value::fail();
}

// The program's position: the kernel's offset less what we read ahead, plus
// what we have not written yet.
bool logical_position(ThreadState& ts, File* f, long long& pos) {
  long long r = sys_lseek(f->fd, 0, SEEK_CUR);
  if (r < 0) {
    raise_os_error(ts, static_cast<int>(-r));
    return false;
  }
  pos = r - static_cast<long long>(f->rbuf.size() - f->rpos) + static_cast<long long>(f->wbuf.size());
  return true;
}

Value m_seek(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  if (!is_int_like(a[0]))
    return raise_fmt(ts, ts.interp.types.TypeError, "an integer is required (got type {})",
                     type_name(ts, a[0]));
  auto off = to_index(ts, a[0]);
  if (!off) return Value::fail();
  std::int64_t whence = 0;
  if (!a[1].is_null()) {
    auto w = to_index(ts, a[1]);
    if (!w) return Value::fail();
    whence = *w;
  }
  if (whence < 0 || whence > 2)
    return raise_fmt(ts, ts.interp.types.ValueError, "invalid whence ({}, should be 0, 1 or 2)",
                     whence);
  if (!f->binary) {
    if (whence == 1 && *off != 0) return raise_unsupported(ts, "can't do nonzero cur-relative seeks");
    if (whence == 2 && *off != 0) return raise_unsupported(ts, "can't do nonzero end-relative seeks");
  }
  if (whence == 0 && *off < 0)
    return raise_fmt(ts, ts.interp.types.ValueError, "negative seek position {}", *off);
  FileLock lock(ts, f);
  if (f->closed) return raise_closed(ts);
  if (!file_flush(ts, f)) return Value::fail();
  long long target = *off;
  if (whence == 1) {
    long long pos;
    if (!logical_position(ts, f, pos)) return Value::fail();
    target += pos;
    whence = 0;
    if (target < 0) return raise_os_error(ts, EINVAL);
  }
  long long r = sys_lseek(f->fd, target, whence == 0 ? SEEK_SET : SEEK_END);
  if (r < 0) return raise_os_error(ts, static_cast<int>(-r));
  f->rbuf.clear();
  f->rpos = 0;
  f->eof_seen = false;
  f->pending_cr = false;
  return Value::from_int(r);
}

Value m_tell(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  FileLock lock(ts, f);
  long long pos;
  if (!logical_position(ts, f, pos)) return Value::fail();
  return Value::from_int(pos);
}

Value m_truncate(ThreadState& ts, Value self, const Args& a) {
  File* f = writable_file(ts, self);
  if (f == nullptr) return Value::fail();
  FileLock lock(ts, f);
  if (f->closed) return raise_closed(ts);
  if (!file_flush(ts, f)) return Value::fail();
  long long size;
  if (a[0].is_null() || a[0].is_none()) {
    if (!logical_position(ts, f, size)) return Value::fail();
  } else {
    auto n = to_index(ts, a[0]);
    if (!n) return Value::fail();
    size = *n;
  }
  int err = sys_ftruncate(f->fd, size);
  if (err != 0) return raise_os_error(ts, err);
  return Value::from_int(size);
}

Value m_fileno(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  return Value::from_int(f->fd);
}

Value m_isatty(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  return Value::from_bool(sys_isatty(f->fd));
}

Value m_readable(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  return Value::from_bool(f->readable);
}

Value m_writable(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  return Value::from_bool(f->writable);
}

Value m_seekable(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  if (!f->seekable_cached) {
    f->seekable = sys_lseek(f->fd, 0, SEEK_CUR) >= 0;
    f->seekable_cached = true;
  }
  return Value::from_bool(f->seekable);
}

Value m_enter(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  return self;
}

Value m_exit(ThreadState& ts, Value self, const Args& a) {
  File* f = as_file(self);
  if (f == nullptr) return Value::none();
  return close_file(ts, f) ? Value::none() : Value::fail();
}

Value m_iter(ThreadState& ts, Value self, const Args& a) {
  File* f = open_file(ts, self);
  if (f == nullptr) return Value::fail();
  return self;
}

Value m_next(ThreadState& ts, Value self, const Args& a) {
  File* f = readable_file(ts, self);
  if (f == nullptr) return Value::fail();
  std::string line;
  if (!file_readline(ts, f, -1, line)) return Value::fail();
  if (line.empty()) {
    Value exc = new_exception(ts, ts.interp.types.StopIteration, {});
    if (exc.is_fail()) return exc;
    return raise(ts, exc);
  }
  return make_result(ts, f, std::move(line));
}

Value m_repr(ThreadState& ts, Value self, const Args& a) {
  File* f = as_file(self);
  if (f == nullptr) return new_str(ts, "<file>");
  auto name = repr_string(ts, f->name);
  if (!name) return Value::fail();
  if (f->binary) {
    const char* cls = f->readable && f->writable ? "BufferedRandom"
                      : f->readable             ? "BufferedReader"
                                                : "BufferedWriter";
    return new_str(ts, fmt::format("<_io.{} name={}>", cls, *name));
  }
  return new_str(ts, fmt::format("<_io.TextIOWrapper name={} mode='{}' encoding='{}'>", *name,
                                 f->mode, f->encoding_repr));
}

// The encoding names open() accepts: UTF-8 under its usual spellings, and
// ASCII (a subset, written as UTF-8).
bool encoding_ok(std::string_view enc, std::string& shown) {
  std::string low;
  for (char c : enc) low += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (char& c : low)
    if (c == '_') c = '-';
  if (low == "utf-8" || low == "utf8" || low == "u8" || low == "ascii" || low == "us-ascii" ||
      low == "utf-8-sig" || low == "locale") {
    shown = std::string(enc);
    return true;
  }
  return false;
}

static const MethodDef kFileMethods[] = {
    {"read", m_read, "size=-1, /", Style::Positional},
    {"readline", m_readline, "size=-1, /", Style::Positional},
    {"readlines", m_readlines, "hint=-1, /", Style::Positional},
    {"write", m_write, "x, /", Style::One, Access::Mutates},
    {"writelines", m_writelines, "x, /", Style::One, Access::Mutates},
    {"close", m_close, "", Style::NoArgs, Access::Mutates},
    {"flush", m_flush, "", Style::NoArgs, Access::Mutates},
    {"seek", m_seek, "cookie, whence=0, /", Style::Positional, Access::Mutates},
    {"tell", m_tell, "", Style::NoArgs},
    {"truncate", m_truncate, "pos=None, /", Style::Positional, Access::Mutates},
    {"fileno", m_fileno, "", Style::NoArgs},
    {"isatty", m_isatty, "", Style::NoArgs},
    {"readable", m_readable, "", Style::NoArgs},
    {"writable", m_writable, "", Style::NoArgs},
    {"seekable", m_seekable, "", Style::NoArgs},
    {"__enter__", m_enter},
    {"__exit__", m_exit},
    {"__iter__", m_iter},
    {"__next__", m_next},
    {"__repr__", m_repr},
};

}  // namespace

// ---------------------------------------------------------------------------
// File and the list of open files
// ---------------------------------------------------------------------------

// The files open() has opened and not yet closed, kept (weakly: not traced)
// in the file type's dict so flush_all_files() can reach them. The links go
// both ways so whichever of a File and the registry is destroyed first
// (heap teardown frees in any order) leaves no dangling pointer.
struct FileRegistry : Opaque {
  std::vector<File*> files;
  explicit FileRegistry(Type* t) : Opaque(t) {}
  ~FileRegistry() override {
    for (File* f : files) f->registry = nullptr;
  }
};

namespace {

constexpr const char* kRegistryKey = "__gilvm_open_files__";

FileRegistry* registry_of(Interpreter& interp) {
  Value v = dict_get_cstr(interp, interp.types.file->dict, kRegistryKey);
  return v.is_obj() ? dynamic_cast<FileRegistry*>(v.as_obj()) : nullptr;
}

void unregister(File* f) {
  FileRegistry* r = f->registry;
  if (r == nullptr) return;
  auto& v = r->files;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == f) {
      v[i] = v.back();
      v.pop_back();
      break;
    }
  }
  f->registry = nullptr;
}

}  // namespace

void flush_all_files(Interpreter& interp) {
  FileRegistry* r = registry_of(interp);
  if (r == nullptr) return;
  for (File* f : r->files) {
    if (f->closed || f->fd < 0 || f->wbuf.empty()) continue;
    // Called with the GIL held: a file another thread is using (its
    // io_mu taken) is skipped rather than waited for; that thread's
    // operation flushes or keeps its own buffer.
    std::unique_lock<std::recursive_mutex> lk(f->io_mu, std::try_to_lock);
    if (!lk.owns_lock()) continue;
    std::string pending;
    pending.swap(f->wbuf);
    (void)sys_write_all(f->fd, pending.data(), pending.size());
  }
}

File::~File() {
  unregister(this);
  if (closed || fd < 0) return;
  if (!wbuf.empty()) (void)sys_write_all(fd, wbuf.data(), wbuf.size());
  if (closefd) (void)sys_close(fd);
}

void File::trace(Tracer& t) { t.mark(name); }

namespace {

File* file_of(Value v) { return static_cast<File*>(v.as_obj()); }

// A binary file has no encoding, errors, line_buffering or newlines: those
// getters answer Null (no such attribute) for it.
const GetSetDef kFileGetSets[] = {
    {"closed", [](ThreadState&, Value v) { return Value::from_bool(file_of(v)->closed); }},
    {"name", [](ThreadState&, Value v) { return file_of(v)->name; }},
    {"mode", [](ThreadState& ts, Value v) { return new_str(ts, file_of(v)->mode); }},
    {"encoding",
     [](ThreadState& ts, Value v) {
       File* f = file_of(v);
       return f->binary ? Value::null() : new_str(ts, f->encoding_repr);
     }},
    {"errors", [](ThreadState& ts, Value v) { return file_of(v)->binary ? Value::null() : new_str(ts, "strict"); }},
    {"line_buffering",
     [](ThreadState&, Value v) {
       File* f = file_of(v);
       return f->binary ? Value::null() : Value::from_bool(f->buffering == File::Buffering::Line);
     }},
    {"newlines", [](ThreadState&, Value v) { return file_of(v)->binary ? Value::null() : Value::none(); }},
};

}  // namespace

void init_file_type(Interpreter& interp) {
  Type* t = interp.types.file;
  t->module_name = obj(interp.intern("_io"));  // <class '_io.TextIOWrapper'>
  // vm/iter.cpp consults __iter__/__next__ in the type dict only for types
  // that are not `builtin`; until it also does so for Opaque payload types,
  // the file type is marked non-builtin so `for line in f` and next(f) work.
  t->builtin = false;
  add_methods(interp, t, kFileMethods, kFileGetSets);
  // io.UnsupportedOperation: CPython's derives from OSError and ValueError;
  // with single inheritance it is a ValueError. The file methods find it in
  // the file type's dict.
  if (dict_get_cstr(interp, t->dict, "UnsupportedOperation").is_null()) {
    Type* u = make_builtin_type(interp, "UnsupportedOperation", interp.types.ValueError,
                                Kind::Exception);
    u->ctor = interp.types.ValueError->ctor;
    u->module_name = obj(interp.intern("io"));
    dict_set_cstr(interp, t->dict, "UnsupportedOperation", obj(u));
  }
  if (registry_of(interp) == nullptr) {
    // An Opaque of the file type: it is never a File, so as_file skips it.
    FileRegistry* r = interp.heap.make<FileRegistry>(interp.types.object);
    dict_set_cstr(interp, t->dict, kRegistryKey, obj(r));
  }
}

File* file_for_fd(ThreadState& ts, int fd, const char* mode, const char* name) {
  Interpreter& interp = ts.interp;
  File* f = interp.heap.make<File>(interp.types.file);
  f->fd = fd;
  f->mode = mode;
  f->closefd = fd > 2;
  f->binary = std::strchr(mode, 'b') != nullptr;
  f->readable = std::strchr(mode, 'r') != nullptr || std::strchr(mode, '+') != nullptr;
  f->writable = std::strpbrk(mode, "wax+") != nullptr;
  f->encoding_repr = "utf-8";
  f->name = obj(new_str_obj(interp, name));
  f->is_stdin = fd == 0;
  f->is_stdout = fd == 1;
  f->is_stderr = fd == 2;
  if (fd == 2 || (fd == 1 && sys_isatty(fd))) f->buffering = File::Buffering::Line;
  return f;
}

Value builtin_open(ThreadState& ts, Value self, const Args& a) {
  auto& T = ts.interp.types;
  Value args[8];
  for (std::size_t i = 0; i < 8; ++i) args[i] = a[i];
  Value file = args[0];
  std::string mode = "r";
  if (!args[1].is_null()) {
    Str* m = as_str(args[1]);
    if (m == nullptr)
      return raise_fmt(ts, T.TypeError, "open() argument 'mode' must be str, not {}",
                       type_name(ts, args[1]));
    mode = m->s;
  }
  std::int64_t buffering = -1;
  if (!args[2].is_null()) {
    auto b = to_index(ts, args[2]);
    if (!b) return Value::fail();
    buffering = *b;
  }
  auto opt_str = [&](int i, const char* what, std::string& out) -> int {
    if (args[i].is_null() || args[i].is_none()) return 0;
    Str* s = as_str(args[i]);
    if (s == nullptr) {
      raise_fmt(ts, T.TypeError, "open() argument '{}' must be str or None, not {}", what,
                type_name(ts, args[i]));
      return -1;
    }
    out = s->s;
    return 1;
  };
  std::string encoding, errors, newline;
  int has_enc = opt_str(3, "encoding", encoding);
  int has_err = opt_str(4, "errors", errors);
  int has_nl = opt_str(5, "newline", newline);
  if (has_enc < 0 || has_err < 0 || has_nl < 0) return Value::fail();
  bool closefd = true;
  if (!args[6].is_null()) {
    int t = truthy(ts, args[6]);
    if (t < 0) return Value::fail();
    closefd = t == 1;
  }
  if (!args[7].is_null() && !args[7].is_none())
    return raise(ts, T.ValueError, "open(): opener is not supported by gilvm");

  // The mode grammar of io.open (Modules/_io/_iomodule.c).
  bool creating = false, reading = false, writing = false, appending = false, updating = false,
       text = false, binary = false;
  std::string seen;
  for (char c : mode) {
    bool* flag = nullptr;
    switch (c) {
      case 'x': flag = &creating; break;
      case 'r': flag = &reading; break;
      case 'w': flag = &writing; break;
      case 'a': flag = &appending; break;
      case '+': flag = &updating; break;
      case 't': flag = &text; break;
      case 'b': flag = &binary; break;
      default: break;
    }
    if (flag == nullptr || *flag) {
      auto r = repr_string(ts, args[1].is_null() ? obj(new_str_obj(ts.interp, mode)) : args[1]);
      if (!r) return Value::fail();
      return raise_fmt(ts, T.ValueError, "invalid mode: {}", *r);
    }
    *flag = true;
  }
  if (text && binary) return raise(ts, T.ValueError, "can't have text and binary mode at once");
  if (int(creating) + int(reading) + int(writing) + int(appending) != 1)
    return raise(ts, T.ValueError, "must have exactly one of create/read/write/append mode");
  if (binary && has_enc) return raise(ts, T.ValueError, "binary mode doesn't take an encoding argument");
  if (binary && has_err) return raise(ts, T.ValueError, "binary mode doesn't take an errors argument");
  if (binary && has_nl) return raise(ts, T.ValueError, "binary mode doesn't take a newline argument");
  if (!binary && buffering == 0) return raise(ts, T.ValueError, "can't have unbuffered text I/O");
  if (has_nl && newline != "" && newline != "\n" && newline != "\r" && newline != "\r\n") {
    return raise_fmt(ts, T.ValueError, "illegal newline value: {}", newline);
  }
  std::string shown = "UTF-8";
  if (has_enc && !encoding_ok(encoding, shown))
    return raise_fmt(ts, T.ValueError, "gilvm supports only the utf-8 encoding, not '{}'", encoding);

  int flags = 0;
  if (updating) flags = O_RDWR;
  else if (reading) flags = O_RDONLY;
  else flags = O_WRONLY;
  if (writing) flags |= O_CREAT | O_TRUNC;
  if (appending) flags |= O_CREAT | O_APPEND;
  if (creating) flags |= O_CREAT | O_EXCL;

  flush_all_files(ts.interp);
  int fd;
  if (Str* path = as_str(file)) {
    if (!closefd) return raise(ts, T.ValueError, "Cannot use closefd=False with file name");
    if (path->s.find('\0') != std::string::npos)
      return raise(ts, T.ValueError, "embedded null byte");
    std::string p = path->s;  // copied out: the GIL is released for open(2) (a FIFO blocks)
    {
      ReleaseGil released(ts, {RunState::Io, "open"});
      fd = sys_open(p.c_str(), flags);
    }
    if (fd < 0) return raise_os_error(ts, -fd, file);
  } else if (Bytes* bpath = as_bytes(file)) {
    if (!closefd) return raise(ts, T.ValueError, "Cannot use closefd=False with file name");
    std::string p = bpath->s;
    {
      ReleaseGil released(ts, {RunState::Io, "open"});
      fd = sys_open(p.c_str(), flags);
    }
    if (fd < 0) return raise_os_error(ts, -fd, file);
  } else if (is_int_like(file) && !file.is_bool()) {
    auto n = to_index(ts, file);
    if (!n) return Value::fail();
    if (*n < 0) return raise(ts, T.ValueError, "negative file descriptor");
    fd = static_cast<int>(*n);
  } else {
    return raise_fmt(ts, T.TypeError, "expected str, bytes or os.PathLike object, not {}",
                     type_name(ts, file));
  }

  File* f = ts.interp.heap.make<File>(T.file);
  f->fd = fd;
  f->name = file;
  f->closefd = closefd;
  f->binary = binary;
  f->readable = reading || updating;
  f->writable = writing || appending || creating || updating;
  f->appending = appending;
  f->encoding_repr = shown;
  if (binary) {
    // FileIO's normalised mode string.
    std::string m = creating ? "xb" : appending ? "ab" : (reading || updating) ? "rb" : "wb";
    if (updating) m += '+';
    f->mode = m;
  } else {
    f->mode = mode;
  }
  if (!binary) {
    f->translate_read = !has_nl;
    if (newline == "\r" || newline == "\r\n") f->write_newline = newline;
  }
  if (buffering == 1 && !binary) f->buffering = File::Buffering::Line;
  if (buffering == 0) f->buffering = File::Buffering::Unbuffered;
  if (appending) (void)sys_lseek(fd, 0, SEEK_END);
  if (FileRegistry* r = registry_of(ts.interp)) {
    r->files.push_back(f);
    f->registry = r;
  }
  return obj(f);
}

bool file_write(ThreadState& ts, File* f, std::string_view data) {
  FileLock lock(ts, f);  // the line goes into wbuf whole: print()s never interleave
  if (f->closed) {
    raise_closed(ts);
    return false;
  }
  if (!f->writable) {
    raise_unsupported(ts, "not writable");
    return false;
  }
  if (f->is_stderr) flush_stdout(ts);
  if (!f->rbuf.empty() && !prepare_write(ts, f)) return false;
  if (f->write_newline.empty() || data.find('\n') == std::string_view::npos) {
    f->wbuf.append(data);
  } else {
    for (char c : data) {
      if (c == '\n') f->wbuf += f->write_newline;
      else f->wbuf += c;
    }
  }
  if (f->buffering == File::Buffering::Unbuffered || f->wbuf.size() >= kBufferSize ||
      (f->buffering == File::Buffering::Line && data.find('\n') != std::string_view::npos))
    return file_flush(ts, f);
  return true;
}

bool file_flush(ThreadState& ts, File* f) {
  if (f->wbuf.empty() || f->fd < 0) return true;
  FileLock lock(ts, f);
  // The buffer leaves the object before the (blocking) write, which runs
  // with the GIL released.
  int err = send_wbuf(ts, f);
  if (err != 0) {
    raise_os_error(ts, err);
    return false;
  }
  return true;
}

bool file_readline(ThreadState& ts, File* f, std::int64_t limit, std::string& out) {
  FileLock lock(ts, f);
  if (f->closed) {
    raise_closed(ts);
    return false;
  }
  if (!prepare_read(ts, f)) return false;
  std::size_t scanned = f->rpos;
  for (;;) {
    std::size_t nl = f->rbuf.find('\n', scanned);
    std::size_t end = nl == std::string::npos ? f->rbuf.size() : nl + 1;
    if (limit >= 0) {
      // Cut at `limit` bytes (binary) or characters (text).
      std::size_t i = f->rpos;
      std::int64_t count = 0;
      while (i < end && count < limit) {
        int len = f->binary ? 1 : utf8_seq_len(static_cast<unsigned char>(f->rbuf[i]));
        if (i + len > f->rbuf.size()) break;
        i += len;
        ++count;
      }
      if (count >= limit) {
        out.assign(f->rbuf, f->rpos, i - f->rpos);
        f->rpos = i;
        return true;
      }
    }
    if (nl != std::string::npos) {
      out.assign(f->rbuf, f->rpos, end - f->rpos);
      f->rpos = end;
      return true;
    }
    std::size_t before = f->rbuf.size() - f->rpos;
    long r = fill(ts, f);
    if (r < 0) return false;
    if (r == 0) {
      out.assign(f->rbuf, f->rpos, std::string::npos);
      f->rbuf.clear();
      f->rpos = 0;
      f->eof_seen = false;
      return true;
    }
    scanned = f->rpos + before;  // fill() compacted the buffer to rpos == 0
  }
}

// ---------------------------------------------------------------------------
// sys streams
// ---------------------------------------------------------------------------

namespace {

Dict* existing_sys_dict(Interpreter& interp) {
  if (interp.modules == nullptr) return nullptr;
  Module* m = as_module(dict_get_cstr(interp, interp.modules, "sys"));
  return m != nullptr ? m->dict : nullptr;
}

}  // namespace

Dict* sys_module_dict(ThreadState& ts) {
  Interpreter& interp = ts.interp;
  if (Dict* d = existing_sys_dict(interp)) return d;
  Dict* d = new_dict(ts);
  TempRoot droot(ts, obj(d));
  dict_set_str(interp, d, interp.names.__name__, obj(interp.intern("sys")));
  dict_set_str(interp, d, interp.names.__doc__, Value::none());
  Module* m = interp.heap.make<Module>(interp.types.module, d);
  TempRoot mroot(ts, obj(m));
  if (!init_sys_module(ts, d)) return nullptr;
  if (!dict_set(ts, interp.modules, obj(interp.intern("sys")), obj(m))) return nullptr;
  return d;
}

Value sys_stream(ThreadState& ts, std::string_view which) {
  Dict* d = sys_module_dict(ts);
  if (d == nullptr) return Value::fail();
  Value v = dict_get_cstr(ts.interp, d, which);
  return v.is_null() ? Value::none() : v;
}

void flush_stdout(ThreadState& ts) {
  Dict* d = existing_sys_dict(ts.interp);
  if (d == nullptr) return;
  for (const char* n : {"__stdout__", "stdout"}) {
    File* f = as_file(dict_get_cstr(ts.interp, d, n));
    if (f != nullptr && !f->closed && !f->wbuf.empty()) {
      FileLock lock(ts, f);
      (void)send_wbuf(ts, f);
    }
  }
}

void reinit_file_locks_after_fork(ThreadState& ts) {
  auto fresh = [](File* f) { new (&f->io_mu) std::recursive_mutex; };
  if (FileRegistry* r = registry_of(ts.interp))
    for (File* f : r->files) fresh(f);
  if (Dict* d = existing_sys_dict(ts.interp))
    for (const char* n : {"stdin", "stdout", "stderr", "__stdin__", "__stdout__", "__stderr__"})
      if (File* f = as_file(dict_get_cstr(ts.interp, d, n))) fresh(f);
}

void flush_std_streams(ThreadState& ts) {
  Dict* d = existing_sys_dict(ts.interp);
  if (d == nullptr) return;
  Value saved = take_exception(ts);
  TempRoot keep(ts, saved);
  for (const char* n : {"stdout", "__stdout__", "stderr", "__stderr__"}) {
    Value v = dict_get_cstr(ts.interp, d, n);
    if (v.is_null() || v.is_none()) continue;
    if (File* f = as_file(v)) {
      if (!f->closed && !file_flush(ts, f)) take_exception(ts);
    } else if (n[0] != '_') {
      if (call_method(ts, v, ts.interp.names.flush, {}).is_fail()) take_exception(ts);
    }
  }
  if (!saved.is_null()) ts.exc = saved;
}

Value raise_os_error(ThreadState& ts, int err, Value filename) {
  Type* type = os_error_type(ts.interp, err);  // runtime/exceptions.cpp
  Value msg = new_str(ts, std::strerror(err));
  TempRoot mroot(ts, msg);
  Value exc;
  if (filename.is_null()) {
    Value items[] = {Value::from_int(err), msg};
    exc = new_exception(ts, type, items);
  } else {
    Value items[] = {Value::from_int(err), msg, filename};
    exc = new_exception(ts, type, items);
  }
  if (exc.is_fail()) return exc;
  TempRoot eroot(ts, exc);
  // The attributes, in case the exception type's constructor did not set them.
  if (Exception* e = as_exception(exc); e != nullptr && e->dict != nullptr) {
    Interpreter& interp = ts.interp;
    if (dict_get_cstr(interp, e->dict, "errno").is_null())
      dict_set_cstr(interp, e->dict, "errno", Value::from_int(err));
    if (dict_get_cstr(interp, e->dict, "strerror").is_null())
      dict_set_cstr(interp, e->dict, "strerror", msg);
    if (dict_get_cstr(interp, e->dict, "filename").is_null())
      dict_set_cstr(interp, e->dict, "filename", filename.is_null() ? Value::none() : filename);
  }
  return raise(ts, exc);
}

// ---------------------------------------------------------------------------
// The io module
// ---------------------------------------------------------------------------

bool init_io_module(ThreadState& ts, Dict* d) {
  Interpreter& interp = ts.interp;
  static const MethodDef kDefs[] = {
{"open", builtin_open, kOpenSignature}};
  add_functions(interp, d, kDefs);
  dict_set_cstr(interp, d, "UnsupportedOperation", obj(unsupported_operation_type(interp)));
  dict_set_cstr(interp, d, "TextIOWrapper", obj(interp.types.file));
  dict_set_cstr(interp, d, "DEFAULT_BUFFER_SIZE", Value::from_int(kBufferSize));
  dict_set_cstr(interp, d, "SEEK_SET", Value::from_int(0));
  dict_set_cstr(interp, d, "SEEK_CUR", Value::from_int(1));
  dict_set_cstr(interp, d, "SEEK_END", Value::from_int(2));
  return true;
}

}  // namespace gilvm
