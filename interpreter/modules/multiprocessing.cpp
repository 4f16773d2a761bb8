// modules/multiprocessing.cpp — _multiprocessing, the native half of the
// multiprocessing package (stdlib/multiprocessing.py), as CPython's
// Modules/_multiprocessing: what cannot be written in the language.
//
//   SemLock        a POSIX named semaphore (sem_open), the one primitive
//                  under multiprocessing's Lock, RLock, Semaphore, Event and
//                  Condition. Named, so that a process started with spawn
//                  can open it again by name (SemLock._rebuild); the
//                  creating process unlinks the name when the object dies.
//                  Forked children share it through the inherited mapping.
//   SharedMemory   a POSIX shared memory object (shm_open + mmap), read and
//                  written element by element with a typecode as the array
//                  module's: the storage of Value and Array. Named for the
//                  same reason as SemLock.
//   send_bytes / recv_bytes
//                  one message on a pipe: an 8-byte length then the bytes
//                  (Connection's framing; CPython uses a 4-byte length).
//   poll           whether a pipe has data, with a timeout.
//   wait_sentinel  the same, for a child's sentinel: join(timeout).
//   _run_path      runs a file as a named module (spawn's __mp_main__).
//   unlink         removes a SemLock's or SharedMemory's name.
//   set_pdeathsig  prctl(PR_SET_PDEATHSIG): a child is signalled when the
//                  thread that forked it ends, so a parent killed by
//                  SIGKILL leaves no orphans running.
//
// Every wait (a semaphore, a pipe read or write, poll) releases the GIL,
// labelled "multiprocessing lock" or "pipe" for the statistics. A Ctrl-C
// on the main thread interrupts the wait (the call returns EINTR: the
// SIGINT handler has no SA_RESTART) and raises KeyboardInterrupt; any other
// EINTR retries.
#include <fcntl.h>
#include <poll.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>

#include "vm/deadline.h"
#include "modules/registry.h"
#include "runtime/file.h"
#include "vm/api.h"
#include "vm/eval.h"
#include "vm/gil.h"
#include "vm/import.h"

namespace gilvm {

namespace {

std::atomic<unsigned> g_name_counter{0};

// "/gilvm-mp-PID-N-KIND": unique per process and object.
std::string fresh_name(const char* kind) {
  return "/gilvm-" + std::to_string(::getpid()) + "-" + std::to_string(g_name_counter.fetch_add(1)) + "-" + kind;
}

// Runs `attempt` (a blocking call returning 0 or an errno value) with the
// GIL released until it is not EINTR; on a Ctrl-C raises KeyboardInterrupt
// (or retries if the signal turned out to be handled). Returns the errno
// value (or what `attempt` returned), or kRaised with an exception pending.
constexpr int kRaised = -1;
constexpr int kEndOfFile = -2;  // read_all: the writer closed the pipe

template <class F>
int released_retry(ThreadState& ts, BlockedIn in, F attempt) {
  for (;;) {
    int err;
    bool interrupted = false;
    {
      ReleaseGil released(ts, in);
      for (;;) {
        err = attempt();
        if (err != EINTR) break;
        if (ctrl_c_pending(ts.is_main, ts.interp.eval_breaker)) {
          interrupted = true;
          break;
        }
      }
    }
    if (!interrupted) return err;
    if (!handle_eval_breaker(ts)) return kRaised;
  }
}

constexpr BlockedIn kInLock{RunState::Lock, "multiprocessing lock"};
constexpr BlockedIn kInPipe{RunState::Io, "pipe"};

// ---------------------------------------------------------------------------
// SemLock
// ---------------------------------------------------------------------------

struct SemLockObj : Opaque {
  sem_t* sem = SEM_FAILED;
  std::string name;
  int maxvalue = 1;
  pid_t creator = 0;  // unlinks the name when its object dies
  explicit SemLockObj(Type* t) : Opaque(t) {}
  ~SemLockObj() override {
    if (sem != SEM_FAILED) ::sem_close(sem);
    if (creator == ::getpid() && !name.empty()) ::sem_unlink(name.c_str());
  }
};

// `v` as the native object T (named `what` in the TypeError otherwise).
template <class T>
T* as_native(ThreadState& ts, Value v, const char* what) {
  auto* s = v.is_obj() && v.as_obj()->kind == Kind::Opaque ? dynamic_cast<T*>(v.as_obj()) : nullptr;
  if (s == nullptr) raise_fmt(ts, ts.interp.types.TypeError, "expected a {}, not '{}'", what, type_name(ts, v));
  return s;
}

SemLockObj* as_semlock(ThreadState& ts, Value v) { return as_native<SemLockObj>(ts, v, "SemLock"); }

// SemLock(value, maxvalue) creates; SemLock(value, maxvalue, name) opens
// an existing one (a spawned child).
Value semlock_ctor(ThreadState& ts, Value self, const Args& a) {
  // A type's constructor is no table row: its signature is parsed on first use.
  static const MethodDef def{"SemLock", semlock_ctor, "value, maxvalue, name=None, /", Style::Positional};
  static const Signature sig = parse_signature(def, "SemLock");
  Value p[3];
  if (!bind_args(ts, sig, a, p)) return Value::fail();
  int value, maxvalue;
  if (!to_c_int(ts, p[0], value) || !to_c_int(ts, p[1], maxvalue)) return Value::fail();
  if (value < 0 || maxvalue < 1) return raise(ts, ts.interp.types.ValueError, "invalid semaphore value");
  auto* s = ts.interp.heap.make<SemLockObj>(as_type(self));
  s->maxvalue = maxvalue;
  if (!p[2].is_null()) {
    Str* name = as_str(p[2]);
    if (name == nullptr) return raise(ts, ts.interp.types.TypeError, "SemLock name must be a str");
    s->name = name->s;
    s->sem = ::sem_open(s->name.c_str(), 0);
  } else {
    s->name = fresh_name("sem");
    s->sem = ::sem_open(s->name.c_str(), O_CREAT | O_EXCL, 0600, static_cast<unsigned>(value));
    s->creator = ::getpid();
  }
  if (s->sem == SEM_FAILED) return raise_os_error(ts, errno);
  return obj(s);
}

// acquire(block=True, timeout=None) -> bool
Value semlock_acquire(ThreadState& ts, Value self, const Args& a) {
  SemLockObj* s = as_semlock(ts, self);
  if (s == nullptr) return Value::fail();
  Value vb = a[0], vt = a[1];
  int block = vb.is_null() ? 1 : truthy(ts, vb);
  if (block < 0) return Value::fail();
  if (::sem_trywait(s->sem) == 0) return Value::from_bool(true);
  if (errno != EAGAIN) return raise_os_error(ts, errno);
  if (!block) return Value::from_bool(false);
  sem_t* sem = s->sem;  // the object stays alive: `self` is on the caller's stack
  int err;
  if (vt.is_null() || vt.is_none()) {
    err = released_retry(ts, kInLock, [&] { return ::sem_wait(sem) == 0 ? 0 : errno; });
  } else {
    auto t = to_double(ts, vt);
    if (!t) return Value::fail();
    // sem_timedwait measures on the realtime clock.
    const struct timespec deadline = deadline_after(CLOCK_REALTIME, std::max(*t, 0.0));
    err = released_retry(ts, kInLock, [&] { return ::sem_timedwait(sem, &deadline) == 0 ? 0 : errno; });
  }
  if (err == kRaised) return Value::fail();
  if (err == ETIMEDOUT) return Value::from_bool(false);
  if (err != 0) return raise_os_error(ts, err);
  return Value::from_bool(true);
}

Value semlock_release(ThreadState& ts, Value self, const Args& a) {
  SemLockObj* s = as_semlock(ts, self);
  if (s == nullptr) return Value::fail();
  int v = 0;
  if (::sem_getvalue(s->sem, &v) == 0 && v >= s->maxvalue)
    return raise(ts, ts.interp.types.ValueError, "semaphore or lock released too many times");
  if (::sem_post(s->sem) != 0) return raise_os_error(ts, errno);
  return Value::none();
}

Value semlock_get_value(ThreadState& ts, Value self, const Args& a) {
  SemLockObj* s = as_semlock(ts, self);
  if (s == nullptr) return Value::fail();
  int v = 0;
  if (::sem_getvalue(s->sem, &v) != 0) return raise_os_error(ts, errno);
  return Value::from_int(std::max(v, 0));
}

Value semlock_name(ThreadState& ts, Value self, const Args& a) {
  SemLockObj* s = as_semlock(ts, self);
  if (s == nullptr) return Value::fail();
  return new_str(ts, s->name);
}

const MethodDef kSemLockMethods[] = {
    {"acquire", semlock_acquire, "block=True, timeout=None", Style::Keywords, Access::Mutates},
    {"release", semlock_release, "", Style::NoArgs, Access::Mutates},
    {"_get_value", semlock_get_value, "", Style::NoArgs},
    {"_name", semlock_name, "", Style::NoArgs},
};

// ---------------------------------------------------------------------------
// SharedMemory
// ---------------------------------------------------------------------------

struct SharedMemoryObj : Opaque {
  void* base = MAP_FAILED;
  std::size_t size = 0;
  std::string name;
  pid_t creator = 0;
  explicit SharedMemoryObj(Type* t) : Opaque(t) {}
  ~SharedMemoryObj() override {
    if (base != MAP_FAILED) ::munmap(base, size);
    if (creator == ::getpid() && !name.empty()) ::shm_unlink(name.c_str());
  }
};

SharedMemoryObj* as_shm(ThreadState& ts, Value v) { return as_native<SharedMemoryObj>(ts, v, "SharedMemory"); }

// SharedMemory(size) creates zero-filled memory; SharedMemory(size, name)
// maps an existing one (a spawned child).
Value shm_ctor(ThreadState& ts, Value self, const Args& a) {
  static const MethodDef def{"SharedMemory", shm_ctor, "size, name=None, /", Style::Positional};
  static const Signature sig = parse_signature(def, "SharedMemory");
  Value p[2];
  if (!bind_args(ts, sig, a, p)) return Value::fail();
  auto n = to_index(ts, p[0]);
  if (!n) return Value::fail();
  if (*n <= 0) return raise(ts, ts.interp.types.ValueError, "'size' must be a positive number different from zero");
  auto* s = ts.interp.heap.make<SharedMemoryObj>(as_type(self));
  s->size = static_cast<std::size_t>(*n);
  int fd;
  if (!p[1].is_null()) {
    Str* name = as_str(p[1]);
    if (name == nullptr) return raise(ts, ts.interp.types.TypeError, "SharedMemory name must be a str");
    s->name = name->s;
    fd = ::shm_open(s->name.c_str(), O_RDWR, 0600);
  } else {
    s->name = fresh_name("shm");
    fd = ::shm_open(s->name.c_str(), O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) s->creator = ::getpid();
    if (fd >= 0 && ::ftruncate(fd, static_cast<off_t>(s->size)) != 0) {
      int e = errno;
      ::close(fd);
      return raise_os_error(ts, e);
    }
  }
  if (fd < 0) return raise_os_error(ts, errno);
  s->base = ::mmap(nullptr, s->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  int e = errno;
  ::close(fd);
  if (s->base == MAP_FAILED) return raise_os_error(ts, e);
  return obj(s);
}

// The element size of an array-module typecode, 0 when unknown.
std::size_t item_size(char code) {
  switch (code) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
  }
}

// The element `a[0]` (a typecode) `a[1]` (an index) of the mapping, or null
// with an exception pending.
char* element(ThreadState& ts, Value self, const Args& a, char& code) {
  SharedMemoryObj* s = as_shm(ts, self);
  if (s == nullptr) return nullptr;
  Str* tc = as_str(a[0]);
  code = tc != nullptr && tc->s.size() == 1 ? tc->s[0] : '\0';
  std::size_t w = item_size(code);
  if (w == 0) {
    raise(ts, ts.interp.types.ValueError,
          "bad typecode (must be b, B, h, H, i, I, l, L, q, Q, f or d)");
    return nullptr;
  }
  auto i = to_index(ts, a[1]);
  if (!i) return nullptr;
  if (*i < 0 || static_cast<std::size_t>(*i) >= s->size / w) {
    raise(ts, ts.interp.types.IndexError, "index out of range");
    return nullptr;
  }
  return static_cast<char*>(s->base) + static_cast<std::size_t>(*i) * w;
}

template <class T>
Value load_int(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return Value::from_int(static_cast<std::int64_t>(v));
}

// get(typecode, index): the element. Not atomic with respect to other
// processes: Value and Array take their lock around it.
Value shm_get(ThreadState& ts, Value self, const Args& a) {
  char code;
  const char* p = element(ts, self, a, code);
  if (p == nullptr) return Value::fail();
  switch (code) {
    case 'b': return load_int<std::int8_t>(p);
    case 'B': return load_int<std::uint8_t>(p);
    case 'h': return load_int<std::int16_t>(p);
    case 'H': return load_int<std::uint16_t>(p);
    case 'i': return load_int<std::int32_t>(p);
    case 'I': return load_int<std::uint32_t>(p);
    case 'l': case 'q': return load_int<std::int64_t>(p);
    case 'L': case 'Q': {
      std::uint64_t v;
      std::memcpy(&v, p, sizeof v);
      if (v <= static_cast<std::uint64_t>(INT64_MAX)) return Value::from_int(static_cast<std::int64_t>(v));
      return raise(ts, ts.interp.types.OverflowError, "unsigned value too large for gilvm's shared memory");
    }
    case 'f': {
      float v;
      std::memcpy(&v, p, sizeof v);
      return Value::from_float(v);
    }
    default: {
      double v;
      std::memcpy(&v, p, sizeof v);
      return Value::from_float(v);
    }
  }
}

template <class T>
bool store_int(ThreadState& ts, char* p, std::int64_t v) {
  if (v < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
      (v > 0 && static_cast<std::uint64_t>(v) > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))) {
    raise(ts, ts.interp.types.OverflowError, "value out of range for the array's typecode");
    return false;
  }
  T t = static_cast<T>(v);
  std::memcpy(p, &t, sizeof t);
  return true;
}

// set(typecode, index, value)
Value shm_set(ThreadState& ts, Value self, const Args& a) {
  char code;
  char* p = element(ts, self, a, code);
  if (p == nullptr) return Value::fail();
  if (code == 'f' || code == 'd') {
    auto d = to_double(ts, a[2]);
    if (!d) return Value::fail();
    if (code == 'f') {
      float f = static_cast<float>(*d);
      std::memcpy(p, &f, sizeof f);
    } else {
      std::memcpy(p, &*d, sizeof(double));
    }
    return Value::none();
  }
  if (!is_int_like(a[2]))
    return raise_fmt(ts, ts.interp.types.TypeError, "an integer is required (got type {})", type_name(ts, a[2]));
  auto v = to_index(ts, a[2]);
  if (!v) return Value::fail();
  bool ok = false;
  switch (code) {
    case 'b': ok = store_int<std::int8_t>(ts, p, *v); break;
    case 'B': ok = store_int<std::uint8_t>(ts, p, *v); break;
    case 'h': ok = store_int<std::int16_t>(ts, p, *v); break;
    case 'H': ok = store_int<std::uint16_t>(ts, p, *v); break;
    case 'i': ok = store_int<std::int32_t>(ts, p, *v); break;
    case 'I': ok = store_int<std::uint32_t>(ts, p, *v); break;
    case 'L': case 'Q': ok = store_int<std::uint64_t>(ts, p, *v); break;
    default: ok = store_int<std::int64_t>(ts, p, *v); break;
  }
  return ok ? Value::none() : Value::fail();
}

Value shm_name(ThreadState& ts, Value self, const Args& a) {
  SharedMemoryObj* s = as_shm(ts, self);
  return s == nullptr ? Value::fail() : new_str(ts, s->name);
}

Value shm_size(ThreadState& ts, Value self, const Args& a) {
  SharedMemoryObj* s = as_shm(ts, self);
  return s == nullptr ? Value::fail() : Value::from_int(static_cast<std::int64_t>(s->size));
}

const MethodDef kSharedMemoryMethods[] = {
    {"get", shm_get, "typecode, index, /", Style::Positional},
    {"set", shm_set, "typecode, index, value, /", Style::Positional, Access::Mutates},
    {"_name", shm_name, "", Style::NoArgs},
    {"_size", shm_size, "", Style::NoArgs},
};

// ---------------------------------------------------------------------------
// Messages on pipes
// ---------------------------------------------------------------------------

constexpr std::size_t kHeader = 8;

// Writes all of data; 0 or an errno value. Runs with the GIL released.
int write_all(int fd, const char* data, std::size_t n, std::size_t& done) {
  while (done < n) {
    ssize_t w = ::write(fd, data + done, n - done);
    if (w < 0) return errno;
    done += static_cast<std::size_t>(w);
  }
  return 0;
}

// Reads exactly n bytes; 0, an errno value, or kEndOfFile. Runs
// with the GIL released.
int read_all(int fd, char* data, std::size_t n, std::size_t& done) {
  while (done < n) {
    ssize_t r = ::read(fd, data + done, n - done);
    if (r < 0) return errno;
    if (r == 0) return kEndOfFile;
    done += static_cast<std::size_t>(r);
  }
  return 0;
}

// send_bytes(fd, data): one message.
Value mp_send_bytes(ThreadState& ts, Value self, const Args& a) {
  int fd;
  if (!to_c_int(ts, a[0], fd)) return Value::fail();
  Bytes* b = as_bytes(a[1]);
  if (b == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, a[1]));
  std::string msg(kHeader, '\0');
  std::uint64_t n = b->s.size();
  for (std::size_t i = 0; i < kHeader; ++i) msg[i] = static_cast<char>((n >> (8 * (kHeader - 1 - i))) & 0xff);
  msg += b->s;  // copied out: the GIL is released below
  std::size_t done = 0;
  int err = released_retry(ts, kInPipe, [&] { return write_all(fd, msg.data(), msg.size(), done); });
  if (err == kRaised) return Value::fail();
  if (err != 0) return raise_os_error(ts, err);
  return Value::none();
}

// recv_bytes(fd): the next message; EOFError when the writer has closed.
Value mp_recv_bytes(ThreadState& ts, Value self, const Args& a) {
  int fd;
  if (!to_c_int(ts, a[0], fd)) return Value::fail();
  char header[kHeader];
  std::size_t done = 0;
  int err = released_retry(ts, kInPipe, [&] { return read_all(fd, header, kHeader, done); });
  if (err == kRaised) return Value::fail();
  if (err == kEndOfFile) return raise(ts, new_exception(ts, ts.interp.types.EOFError, {}));
  if (err != 0) return raise_os_error(ts, err);
  std::uint64_t n = 0;
  for (std::size_t i = 0; i < kHeader; ++i) n = (n << 8) | static_cast<unsigned char>(header[i]);
  std::string body;
  try {
    body.resize(n);
  } catch (const std::exception&) {
    return raise(ts, new_exception(ts, ts.interp.types.MemoryError, {}));
  }
  done = 0;
  err = released_retry(ts, kInPipe, [&] { return read_all(fd, body.data(), body.size(), done); });
  if (err == kRaised) return Value::fail();
  if (err == kEndOfFile) return raise(ts, new_exception(ts, ts.interp.types.EOFError, {}));
  if (err != 0) return raise_os_error(ts, err);
  return new_bytes(ts, std::move(body));
}

// True when a read of `fd` would not block (data or end of file) within
// `timeout` seconds (None: for ever), waiting as `in` says.
Value poll_fd(ThreadState& ts, const Args& a, BlockedIn in) {
  int fd;
  if (!to_c_int(ts, a[0], fd)) return Value::fail();
  int ms = -1;
  if (!a[1].is_none()) {
    auto t = to_double(ts, a[1]);
    if (!t) return Value::fail();
    ms = static_cast<int>(std::ceil(std::max(*t, 0.0) * 1000.0));
  }
  struct pollfd p {fd, POLLIN, 0};
  int ready = 0;
  int err = released_retry(ts, in, [&] {
    ready = ::poll(&p, 1, ms);
    return ready < 0 ? errno : 0;
  });
  if (err == kRaised) return Value::fail();
  if (err != 0) return raise_os_error(ts, err);
  return Value::from_bool(ready > 0);
}

// poll(fd, timeout): a pipe has data.
Value mp_poll(ThreadState& ts, Value self, const Args& a) { return poll_fd(ts, a, kInPipe); }

// wait_sentinel(fd, timeout): a child has ended (the read end of the pipe
// whose write end only the child holds reports end of file).
Value mp_wait_sentinel(ThreadState& ts, Value self, const Args& a) {
  return poll_fd(ts, a, {RunState::Io, "child process"});
}

// set_pdeathsig(sig): this process gets `sig` when the thread that forked
// it ends; then, if that already happened, ends at once.
Value mp_set_pdeathsig(ThreadState& ts, Value self, const Args& a) {
  int sig, parent;
  if (!to_c_int(ts, a[0], sig) || !to_c_int(ts, a[1], parent)) return Value::fail();
  if (::prctl(PR_SET_PDEATHSIG, sig) != 0) return raise_os_error(ts, errno);
  if (::getppid() != parent) ::_exit(1);  // the parent died before prctl
  return Value::none();
}

// _run_path(name, path): runs the file as the module `name` (registered in
// sys.modules under that name first, as an import would) and returns it:
// how a spawned child imports the parent's main script as __mp_main__.
Value mp_run_path(ThreadState& ts, Value self, const Args& a) {
  Str* name = as_str(a[0]);
  Str* path = as_str(a[1]);
  if (name == nullptr || path == nullptr) return raise(ts, ts.interp.types.TypeError, "_run_path(name, path) takes two str");
  std::ifstream in(path->s, std::ios::binary);
  if (!in) return raise_os_error(ts, ENOENT, a[1]);
  std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Module* m = new_module(ts, name->s, path->s);
  Value mv = obj(m);
  TempRoot root(ts, mv);
  if (!dict_set(ts, ts.interp.modules, a[0], mv)) return Value::fail();
  if (exec_source(ts, source, path->s, m->dict).is_fail()) return Value::fail();
  return mv;
}

// unlink(kind, name): removes a semaphore ("sem") or shared memory ("shm")
// name; objects already open stay usable. Errors are ignored (the name may
// be gone already).
Value mp_unlink(ThreadState& ts, Value self, const Args& a) {
  Str* kind = as_str(a[0]);
  Str* name = as_str(a[1]);
  if (kind == nullptr || name == nullptr) return raise(ts, ts.interp.types.TypeError, "unlink(kind, name) takes two str");
  if (kind->s == "sem")
    ::sem_unlink(name->s.c_str());
  else
    ::shm_unlink(name->s.c_str());
  return Value::none();
}

const MethodDef kFunctions[] = {
    {"unlink", mp_unlink, "kind, name, /", Style::Positional},
    {"_run_path", mp_run_path, "name, path, /", Style::Positional},
    {"send_bytes", mp_send_bytes, "fd, data, /", Style::Positional},
    {"recv_bytes", mp_recv_bytes, "fd, /", Style::One},
    {"poll", mp_poll, "fd, timeout, /", Style::Positional},
    {"wait_sentinel", mp_wait_sentinel, "fd, timeout, /", Style::Positional},
    {"set_pdeathsig", mp_set_pdeathsig, "sig, parent, /", Style::Positional},
};

}  // namespace

bool init_multiprocessing_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Str* modname = in.intern("_multiprocessing");
  Type* sem = make_builtin_type(in, "SemLock", in.types.object, Kind::Opaque);
  sem->module_name = obj(modname);
  sem->ctor = semlock_ctor;
  add_methods(in, sem, kSemLockMethods);
  Type* shm = make_builtin_type(in, "SharedMemory", in.types.object, Kind::Opaque);
  shm->module_name = obj(modname);
  shm->ctor = shm_ctor;
  add_methods(in, shm, kSharedMemoryMethods);
  add_functions(in, d, kFunctions);
  dict_set_cstr(in, d, "SemLock", obj(sem));
  dict_set_cstr(in, d, "SharedMemory", obj(shm));
  return true;
}

}  // namespace gilvm
