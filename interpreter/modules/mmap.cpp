// modules/mmap.cpp — memory-mapped files, as CPython's Modules/mmapmodule.c
// (Unix): mmap.mmap(fileno, length, flags=MAP_SHARED, prot=PROT_READ |
// PROT_WRITE, access=ACCESS_DEFAULT, offset=0).
//
// What a map is. An MmapObj owns one mmap(2) region: `data` and `size`, a
// file position `pos` for read/write/seek, and a dup() of the file's
// descriptor (so closing the file leaves the map usable; -1 for an
// anonymous map). fileno -1 makes an anonymous map; with MAP_SHARED (the
// default) its pages are shared with children made by fork(), which is how
// multiprocessing can build shared values on it. `access` picks flags and
// prot together: ACCESS_READ (shared, read-only), ACCESS_WRITE (shared,
// writes reach the file), ACCESS_COPY (private copy-on-write); a map whose
// prot lacks PROT_WRITE is read-only, and every write path checks that
// first ("mmap can't modify a readonly memory map.").
//
// Not there: resize() and madvise().
//
// The sequence protocol follows CPython: m[i] is an int, m[i:j:k] bytes,
// assignment takes an int in range(256) or bytes of exactly the slice's
// length; iteration yields 1-byte bytes, and `in` finds only those.
//
// Lifetime and threads. Every access to the mapped bytes happens with the
// GIL held, so close() (which needs the GIL too) can never unmap the region
// under a copy in progress: a thread slicing a map another thread closes
// either copies everything first or finds it closed ("mmap closed or
// invalid"). The copies are memcpy speed, so holding the GIL costs little.
// The one blocking call, flush() (msync), runs with the GIL released: it
// takes the address and length first and counts itself in `busy`; a
// close() meanwhile marks the map closed at once but leaves the munmap to
// the last such call, so msync never runs on an unmapped range. The
// collector frees a map that the program dropped: its destructor unmaps
// the region and closes the descriptor.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "modules/registry.h"
#include "runtime/file.h"
#include "runtime/str_ops.h"
#include "vm/api.h"
#include "vm/gil.h"

namespace gilvm {

namespace {

enum Access : int { kAccessDefault = 0, kAccessRead = 1, kAccessWrite = 2, kAccessCopy = 3 };
constexpr const char* kAccessNames[] = {"ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"};

struct MmapObj : Opaque {
  char* data = nullptr;    // the mapped region; null once closed
  std::size_t size = 0;    // its length in bytes
  std::size_t pos = 0;     // the file position (read, write, seek, find)
  std::int64_t offset = 0; // where in the file the map starts
  int fd = -1;             // dup of the file's descriptor; -1: anonymous
  int access = kAccessDefault;
  bool writable = false;   // prot has PROT_WRITE
  int busy = 0;            // flush() calls running with the GIL released
  char* unmap_base = nullptr;  // closed while busy: the last flush unmaps this
  std::size_t unmap_size = 0;
  explicit MmapObj(Type* t) : Opaque(t) {}
  ~MmapObj() override {
    close();
    end_busy();
  }
  bool closed() const { return data == nullptr; }
  void close() {
    if (data != nullptr) {
      if (busy > 0) {
        unmap_base = data;
        unmap_size = size;
      } else {
        ::munmap(data, size);
      }
      data = nullptr;
    }
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
  // After a released section: the unmap a close() left to us.
  void end_busy() {
    if (busy == 0 && unmap_base != nullptr) {
      ::munmap(unmap_base, unmap_size);
      unmap_base = nullptr;
    }
  }
};

// The receiver as a map; with `open`, also checks it is not closed.
MmapObj* as_mmap(ThreadState& ts, Value v, bool open = true) {
  MmapObj* m = nullptr;
  if (v.is_obj() && v.as_obj()->kind == Kind::Opaque) m = dynamic_cast<MmapObj*>(v.as_obj());
  if (m == nullptr) {
    raise_fmt(ts, ts.interp.types.TypeError, "descriptor requires a 'mmap.mmap' object but received '{}'",
              type_name(ts, v));
    return nullptr;
  }
  if (open && m->closed()) {
    raise(ts, ts.interp.types.ValueError, "mmap closed or invalid");
    return nullptr;
  }
  return m;
}

// Arguments are converted after the receiver is checked; an __index__
// method run by the conversion may have closed the map meanwhile.
bool still_open(ThreadState& ts, const MmapObj* m) {
  if (!m->closed()) return true;
  raise(ts, ts.interp.types.ValueError, "mmap closed or invalid");
  return false;
}

MmapObj* writable_mmap(ThreadState& ts, Value v) {
  MmapObj* m = as_mmap(ts, v);
  if (m != nullptr && !m->writable) {
    raise(ts, ts.interp.types.TypeError, "mmap can't modify a readonly memory map.");
    return nullptr;
  }
  return m;
}

Bytes* bytes_arg(ThreadState& ts, Value v) {
  if (Bytes* b = as_bytes(v)) return b;
  raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, v));
  return nullptr;
}

// An optional int argument; `dflt` when absent or None (when allowed).
bool opt_int(ThreadState& ts, const Args& a, std::size_t i, std::int64_t& out, std::int64_t dflt) {
  if (a[i].is_null() || a[i].is_none()) {
    out = dflt;
    return true;
  }
  auto v = to_index(ts, a[i]);
  if (!v) return false;
  out = *v;
  return true;
}

// ---------------------------------------------------------------------------
// Construction
// ---------------------------------------------------------------------------

// mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT, offset=0)
Value mmap_ctor(ThreadState& ts, Value self, const Args& a) {
  Interpreter& in = ts.interp;
  // A type's constructor is no table row: its signature is parsed on first use.
  static const MethodDef def{"mmap", mmap_ctor,
                             "fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ, access=ACCESS_DEFAULT, "
                             "offset=0",
                             Style::Keywords};
  static const Signature sig = parse_signature(def, "mmap");
  Value arg[6];
  if (!bind_args(ts, sig, a, arg)) return Value::fail();
  std::int64_t v[6] = {0, 0, MAP_SHARED, PROT_WRITE | PROT_READ, kAccessDefault, 0};
  for (std::size_t i = 0; i < 6; ++i) {
    if (arg[i].is_null()) continue;
    auto x = to_index(ts, arg[i]);
    if (!x) return Value::fail();
    v[i] = *x;
  }
  int fileno = static_cast<int>(v[0]);
  std::int64_t length = v[1], offset = v[5];
  int flags = static_cast<int>(v[2]), prot = static_cast<int>(v[3]);
  std::int64_t access = v[4];
  if (v[0] < INT32_MIN || v[0] > INT32_MAX) return raise(ts, in.types.OverflowError, "Python int too large to convert to C int");
  if (length < 0) return raise(ts, in.types.OverflowError, "memory mapped length must be positive");
  if (offset < 0) return raise(ts, in.types.OverflowError, "memory mapped offset must be positive");
  if (access != kAccessDefault && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ)))
    return raise(ts, in.types.ValueError, "mmap can't specify both access and flags, prot.");
  switch (access) {
    case kAccessRead: flags = MAP_SHARED; prot = PROT_READ; break;
    case kAccessWrite: flags = MAP_SHARED; prot = PROT_READ | PROT_WRITE; break;
    case kAccessCopy: flags = MAP_PRIVATE; prot = PROT_READ | PROT_WRITE; break;
    case kAccessDefault:
      // A map whose prot cannot write behaves as ACCESS_READ (CPython).
      if ((prot & PROT_READ) != 0 && (prot & PROT_WRITE) == 0) access = kAccessRead;
      break;
    default: return raise(ts, in.types.ValueError, "mmap invalid access parameter.");
  }

  int fd = -1;
  if (fileno != -1) {
    struct stat st {};
    if (::fstat(fileno, &st) == 0 && S_ISREG(st.st_mode)) {
      if (length == 0) {
        if (st.st_size == 0) return raise(ts, in.types.ValueError, "cannot mmap an empty file");
        if (offset >= st.st_size) return raise(ts, in.types.ValueError, "mmap offset is greater than file size");
        length = st.st_size - offset;
      } else if (offset > st.st_size || st.st_size - offset < length) {
        return raise(ts, in.types.ValueError, "mmap length is greater than file size");
      }
    }
    fd = ::dup(fileno);
    if (fd < 0) return raise_os_error(ts, errno);
  } else {
    flags |= MAP_ANONYMOUS;
  }
  void* p = ::mmap(nullptr, static_cast<std::size_t>(length), prot, flags, fd, static_cast<off_t>(offset));
  if (p == MAP_FAILED) {
    int err = errno;
    if (fd >= 0) ::close(fd);
    return raise_os_error(ts, err);
  }
  auto* m = in.heap.make<MmapObj>(as_type(self));
  m->data = static_cast<char*>(p);
  m->size = static_cast<std::size_t>(length);
  m->offset = offset;
  m->fd = fd;
  m->access = static_cast<int>(access);
  m->writable = (prot & PROT_WRITE) != 0;
  return obj(m);
}

// ---------------------------------------------------------------------------
// The sequence protocol
// ---------------------------------------------------------------------------

// An index into the map: negative counts from the end.
bool item_index(ThreadState& ts, MmapObj* m, Value key, std::size_t& out) {
  if (!is_int_like(key) && !(key.is_obj() && !lookup_attr(ts, key, ts.interp.names.__index__).is_null())) {
    raise(ts, ts.interp.types.TypeError, "mmap indices must be integers");
    return false;
  }
  auto i = to_index(ts, key);
  if (!i) return false;
  std::int64_t idx = *i < 0 ? *i + static_cast<std::int64_t>(m->size) : *i;
  if (idx < 0 || idx >= static_cast<std::int64_t>(m->size)) {
    raise(ts, ts.interp.types.IndexError, "mmap index out of range");
    return false;
  }
  out = static_cast<std::size_t>(idx);
  return true;
}

bool is_slice(Value v) { return v.is_obj() && v.as_obj()->kind == Kind::Slice; }

Value m_getitem(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "__getitem__", 1, 1)) return Value::fail();
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  if (is_slice(a[0])) {
    std::int64_t start, stop, step, count;
    if (slice_indices(ts, a[0], static_cast<std::int64_t>(m->size), start, stop, step, count).is_fail())
      return Value::fail();
    if (!still_open(ts, m)) return Value::fail();
    std::string out;
    if (step == 1) {
      out.assign(m->data + start, static_cast<std::size_t>(count));
    } else {
      out.resize(static_cast<std::size_t>(count));
      // start + k * step, not a running i += step: that one steps once past
      // the last item and overflows for a step near 2**63 (UBSan).
      for (std::int64_t k = 0; k < count; ++k) out[static_cast<std::size_t>(k)] = m->data[start + k * step];
    }
    return new_bytes(ts, std::move(out));
  }
  std::size_t i;
  if (!item_index(ts, m, a[0], i) || !still_open(ts, m)) return Value::fail();
  return Value::from_int(static_cast<unsigned char>(m->data[i]));
}

Value m_setitem(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "__setitem__", 2, 2)) return Value::fail();
  MmapObj* m = writable_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  Interpreter& in = ts.interp;
  if (is_slice(a[0])) {
    std::int64_t start, stop, step, count;
    if (slice_indices(ts, a[0], static_cast<std::int64_t>(m->size), start, stop, step, count).is_fail())
      return Value::fail();
    Bytes* b = bytes_arg(ts, a[1]);
    if (b == nullptr) return Value::fail();
    if (static_cast<std::int64_t>(b->s.size()) != count)
      return raise(ts, in.types.IndexError, "mmap slice assignment is wrong size");
    if (!still_open(ts, m)) return Value::fail();
    if (step == 1) {
      if (count > 0) std::memcpy(m->data + start, b->s.data(), static_cast<std::size_t>(count));
    } else {
      for (std::int64_t k = 0; k < count; ++k) m->data[start + k * step] = b->s[static_cast<std::size_t>(k)];  // as above
    }
    return Value::none();
  }
  std::size_t i;
  if (!item_index(ts, m, a[0], i)) return Value::fail();
  if (!is_int_like(a[1])) return raise(ts, in.types.TypeError, "mmap item value must be an int");
  auto v = to_index(ts, a[1]);
  if (!v) return Value::fail();
  if (*v < 0 || *v > 255) return raise(ts, in.types.ValueError, "mmap item value must be in range(0, 256)");
  if (!still_open(ts, m)) return Value::fail();
  m->data[i] = static_cast<char>(*v);
  return Value::none();
}

Value m_len(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "__len__", 0, 0)) return Value::fail();
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  return Value::from_int(static_cast<std::int64_t>(m->size));
}

// Iteration yields 1-byte bytes, as CPython's sequence item (a snapshot:
// the bytes are copied when iteration starts).
Value m_iter(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "__iter__", 0, 0)) return Value::fail();
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  List* items = new_list(ts, m->size);
  TempRoot keep(ts, obj(items));
  for (std::size_t i = 0; i < m->size; ++i) items->items.push_back(new_bytes(ts, std::string(1, m->data[i])));
  return get_iter(ts, obj(items));
}

// Finds `sub` in [start, end) of the map; from the right with `reverse`.
std::int64_t find_in(const MmapObj* m, std::string_view sub, std::int64_t start, std::int64_t end, bool reverse) {
  auto n = static_cast<std::int64_t>(m->size);
  auto clamp = [n](std::int64_t x) { return x < 0 ? (x + n < 0 ? 0 : x + n) : (x > n ? n : x); };
  start = clamp(start);
  end = clamp(end);
  auto len = static_cast<std::int64_t>(sub.size());
  if (end - start < len) return -1;
  std::string_view hay(m->data + start, static_cast<std::size_t>(end - start));
  std::size_t r = reverse ? hay.rfind(sub) : hay.find(sub);
  return r == std::string_view::npos ? -1 : start + static_cast<std::int64_t>(r);
}

Value m_contains(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "__contains__", 1, 1)) return Value::fail();
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  // CPython's map has no __contains__: `in` iterates, comparing 1-byte
  // bytes, so only a 1-byte bytes can be found.
  Bytes* b = as_bytes(a[0]);
  if (b == nullptr || b->s.size() != 1) return Value::from_bool(false);
  return Value::from_bool(std::memchr(m->data, b->s[0], m->size) != nullptr);
}

// ---------------------------------------------------------------------------
// File-like methods
// ---------------------------------------------------------------------------

std::size_t remaining(const MmapObj* m) { return m->pos < m->size ? m->size - m->pos : 0; }

// read(n=None): up to n bytes from the position (all that is left when n
// is None or negative).
Value m_read(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  std::int64_t n;
  if (!opt_int(ts, a, 0, n, -1) || !still_open(ts, m)) return Value::fail();
  std::size_t left = remaining(m);
  std::size_t take = n < 0 || static_cast<std::size_t>(n) > left ? left : static_cast<std::size_t>(n);
  Value out = new_bytes(ts, std::string(m->data + m->pos, take));
  m->pos += take;
  return out;
}

Value m_read_byte(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  if (remaining(m) == 0) return raise(ts, ts.interp.types.ValueError, "read byte out of range");
  return Value::from_int(static_cast<unsigned char>(m->data[m->pos++]));
}

Value m_readline(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  std::size_t left = remaining(m);
  const void* nl = std::memchr(m->data + m->pos, '\n', left);
  std::size_t take = nl == nullptr ? left : static_cast<std::size_t>(static_cast<const char*>(nl) - (m->data + m->pos)) + 1;
  Value out = new_bytes(ts, std::string(m->data + m->pos, take));
  m->pos += take;
  return out;
}

Value m_write(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = writable_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  Bytes* b = bytes_arg(ts, a[0]);
  if (b == nullptr) return Value::fail();
  if (b->s.size() > remaining(m)) return raise(ts, ts.interp.types.ValueError, "data out of range");
  std::memcpy(m->data + m->pos, b->s.data(), b->s.size());
  m->pos += b->s.size();
  return Value::from_int(static_cast<std::int64_t>(b->s.size()));
}

Value m_write_byte(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = writable_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  auto v = to_index(ts, a[0]);
  if (!v) return Value::fail();
  if (*v < 0 || *v > 255) return raise(ts, ts.interp.types.OverflowError, "unsigned byte integer is greater than maximum");
  if (!still_open(ts, m)) return Value::fail();
  if (remaining(m) == 0) return raise(ts, ts.interp.types.ValueError, "write byte out of range");
  m->data[m->pos++] = static_cast<char>(*v);
  return Value::none();
}

// seek(pos, whence=0): SEEK_SET, SEEK_CUR or SEEK_END; within [0, size].
Value m_seek(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  auto dist = to_index(ts, a[0]);
  if (!dist) return Value::fail();
  std::int64_t whence;
  if (!opt_int(ts, a, 1, whence, 0) || !still_open(ts, m)) return Value::fail();
  std::int64_t base;
  switch (whence) {
    case 0: base = 0; break;
    case 1: base = static_cast<std::int64_t>(m->pos); break;
    case 2: base = static_cast<std::int64_t>(m->size); break;
    default: return raise(ts, ts.interp.types.ValueError, "unknown seek type");
  }
  // Checked before adding (as CPython's mmap_seek_method): base + dist may
  // not fit in 64 bits, and a signed overflow is undefined behaviour.
  // base is in [0, size], so the allowed distances are [-base, size - base].
  const auto size = static_cast<std::int64_t>(m->size);
  if (*dist < -base || *dist > size - base) return raise(ts, ts.interp.types.ValueError, "seek out of range");
  m->pos = static_cast<std::size_t>(base + *dist);
  return Value::none();
}

Value m_tell(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  return Value::from_int(static_cast<std::int64_t>(m->pos));
}

// move(dest, src, count): memmove within the map.
Value m_move(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = writable_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  std::int64_t dest, src, count;
  if (!opt_int(ts, a, 0, dest, 0) || !opt_int(ts, a, 1, src, 0) || !opt_int(ts, a, 2, count, 0) ||
      !still_open(ts, m))
    return Value::fail();
  auto size = static_cast<std::int64_t>(m->size);
  if (dest < 0 || src < 0 || count < 0 || size - dest < count || size - src < count)
    return raise(ts, ts.interp.types.ValueError, "source, destination, or count out of range");
  std::memmove(m->data + dest, m->data + src, static_cast<std::size_t>(count));
  return Value::none();
}

// find(sub[, start[, end]]) / rfind: start defaults to the position.
Value find_method(ThreadState& ts, Value self, const Args& a, bool reverse) {
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  Bytes* b = bytes_arg(ts, a[0]);
  if (b == nullptr) return Value::fail();
  std::int64_t start, end;
  if (!opt_int(ts, a, 1, start, static_cast<std::int64_t>(m->pos)) ||
      !opt_int(ts, a, 2, end, static_cast<std::int64_t>(m->size)))
    return Value::fail();
  if (!still_open(ts, m)) return Value::fail();
  return Value::from_int(find_in(m, b->s, start, end, reverse));
}
Value m_find(ThreadState& ts, Value self, const Args& a) { return find_method(ts, self, a, false); }
Value m_rfind(ThreadState& ts, Value self, const Args& a) { return find_method(ts, self, a, true); }

// size(): the size of the mapped file (fstat), not of the map.
Value m_size(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  struct stat st {};
  if (::fstat(m->fd, &st) != 0) return raise_os_error(ts, errno);
  return Value::from_int(static_cast<std::int64_t>(st.st_size));
}

// flush([offset[, size]]): msync(MS_SYNC) with the GIL released (see the
// file comment for why close() may run meanwhile).
Value m_flush(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = as_mmap(ts, self);
  if (m == nullptr) return Value::fail();
  std::int64_t off, len;
  if (!opt_int(ts, a, 0, off, 0) || !opt_int(ts, a, 1, len, static_cast<std::int64_t>(m->size)) ||
      !still_open(ts, m))
    return Value::fail();
  // size - off, not off + len: the sum of two large values overflows.
  if (off < 0 || len < 0 || off > static_cast<std::int64_t>(m->size) || static_cast<std::int64_t>(m->size) - off < len)
    return raise(ts, ts.interp.types.ValueError, "flush values out of range");
  if (m->access == kAccessRead || m->access == kAccessCopy || len == 0) return Value::none();
  char* addr = m->data + off;
  auto n = static_cast<std::size_t>(len);
  ++m->busy;
  int rc, err;
  {
    TempRoot keep(ts, self);
    ReleaseGil released(ts, {RunState::Io, "mmap.flush"});
    rc = ::msync(addr, n, MS_SYNC);
    err = errno;
  }
  --m->busy;
  m->end_busy();
  if (rc != 0) return raise_os_error(ts, err);
  return Value::none();
}

Value m_close(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = as_mmap(ts, self, false);
  if (m == nullptr) return Value::fail();
  if (m->closed()) return Value::none();
  m->close();
  return Value::none();
}

Value m_enter(ThreadState& ts, Value self, const Args& a) {
  if (as_mmap(ts, self) == nullptr) return Value::fail();
  return self;
}

Value m_exit(ThreadState& ts, Value self, const Args& a) {
  MmapObj* m = as_mmap(ts, self, false);
  if (m == nullptr) return Value::fail();
  if (!m->closed()) m->close();
  return Value::none();
}

Value m_closed(ThreadState& ts, Value self, const Args&) {
  MmapObj* m = as_mmap(ts, self, false);
  if (m == nullptr) return Value::fail();
  return Value::from_bool(m->closed());
}

// <mmap.mmap closed=False, access=ACCESS_WRITE, length=10, pos=0, offset=0>
Value m_repr(ThreadState& ts, Value self, const Args& a) {
  if (!check_args(ts, a, "__repr__", 0, 0)) return Value::fail();
  MmapObj* m = as_mmap(ts, self, false);
  if (m == nullptr) return Value::fail();
  if (m->closed()) return new_str(ts, "<mmap.mmap closed=True>");
  return new_str(ts, fmt::format("<mmap.mmap closed=False, access={}, length={}, pos={}, offset={}>",
                                 kAccessNames[m->access], m->size, m->pos, m->offset));
}

const MethodDef kMmapMethods[] = {
    // The slot methods keep their own checks: CPython's wrapper wording
    // ("expected 1 argument, got 0") is no Style.
    {"__getitem__", m_getitem},
    {"__setitem__", m_setitem},
    {"__len__", m_len},
    {"__iter__", m_iter},
    {"__contains__", m_contains},
    {"__repr__", m_repr},
    {"__enter__", m_enter, "", Style::NoArgs},
    {"__exit__", m_exit},
    {"read", m_read, "n=None, /", Style::Getargs, gilvm::Access::Mutates},
    {"read_byte", m_read_byte, "", Style::NoArgs, gilvm::Access::Mutates},
    {"readline", m_readline, "", Style::NoArgs, gilvm::Access::Mutates},
    {"write", m_write, "data, /", Style::Getargs, gilvm::Access::Mutates},
    {"write_byte", m_write_byte, "byte, /", Style::Getargs, gilvm::Access::Mutates},
    {"seek", m_seek, "pos, whence=0, /", Style::Getargs, gilvm::Access::Mutates},
    {"tell", m_tell, "", Style::NoArgs},
    {"find", m_find, "sub, start=None, end=None, /", Style::Getargs},
    {"rfind", m_rfind, "sub, start=None, end=None, /", Style::Getargs},
    {"size", m_size, "", Style::NoArgs},
    {"flush", m_flush, "offset=0, size=None, /", Style::Getargs},
    {"close", m_close, "", Style::NoArgs, gilvm::Access::Mutates},
    {"move", m_move, "dest, src, count, /", Style::Getargs, gilvm::Access::Mutates},
};

struct IntConstant {
  const char* name;
  long value;
};
const IntConstant kConstants[] = {
    {"ACCESS_DEFAULT", kAccessDefault}, {"ACCESS_READ", kAccessRead}, {"ACCESS_WRITE", kAccessWrite},
    {"ACCESS_COPY", kAccessCopy},       {"MAP_SHARED", MAP_SHARED},   {"MAP_PRIVATE", MAP_PRIVATE},
    {"MAP_ANONYMOUS", MAP_ANONYMOUS},   {"MAP_ANON", MAP_ANONYMOUS},  {"PROT_READ", PROT_READ},
    {"PROT_WRITE", PROT_WRITE},         {"PROT_EXEC", PROT_EXEC},
};

}  // namespace

bool init_mmap_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Type* t = make_builtin_type(in, "mmap", in.types.object, Kind::Opaque);
  t->module_name = obj(in.intern("mmap"));
  t->ctor = mmap_ctor;
  add_methods(in, t, kMmapMethods);
  // Dunder methods are found in the type's dict only for classes not marked
  // builtin (as the file type does for iteration).
  t->builtin = false;
  Native* getter = new_native(ts, m_closed, "closed");
  getter->method = true;  // called with the map as its first argument
  Wrapper* prop = in.heap.make<Wrapper>(in.types.property, Kind::Property, obj(getter));
  dict_set_cstr(in, t->dict, "closed", obj(prop));
  dict_set_cstr(in, d, "mmap", obj(t));
  dict_set_cstr(in, d, "error", obj(in.types.OSError));
  long page = ::sysconf(_SC_PAGESIZE);
  dict_set_cstr(in, d, "PAGESIZE", Value::from_int(page));
  dict_set_cstr(in, d, "ALLOCATIONGRANULARITY", Value::from_int(page));
  for (const IntConstant& c : kConstants) dict_set_cstr(in, d, c.name, Value::from_int(c.value));
  return true;
}

}  // namespace gilvm
