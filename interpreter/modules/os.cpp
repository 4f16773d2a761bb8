// modules/os.cpp — the native os module: file descriptors and pipes, process
// ids, and a few system facts (CPython's Modules/posixmodule.c, the part of
// it gilvm needs so far).
//
// Design. Each function is one system call on plain C values. Descriptors
// are ints, as in CPython: os.pipe() returns (read_end, write_end), both
// O_CLOEXEC so that a child process started later does not inherit them
// (PEP 446). os.read(fd, n) and os.write(fd, data) block, so they run with
// the GIL released (ReleaseGil, docs/style.md §10): read() fills a local
// buffer that becomes a bytes object once the GIL is back; write()
// copies the bytes out of the bytes object before releasing. Inside the
// released scope nothing but those locals is touched.
//
// Signals (PEP 475). A system call interrupted by a signal (EINTR) is
// retried, except when the interrupted thread is the main thread and the
// eval breaker shows a pending Ctrl-C: then the call returns and
// KeyboardInterrupt is raised, as time.sleep does.
//
// Errors raise OSError through raise_os_error (runtime/file.h), so the
// exception is the subclass CPython picks for the errno (EPIPE ->
// BrokenPipeError, ...) and prints as "[Errno 9] Bad file descriptor".
// Writing to a pipe whose reader is closed is an EPIPE error, not a SIGPIPE
// death: the command line ignores SIGPIPE at start, as CPython does.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/random.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "modules/os_process.h"
#include "modules/registry.h"
#include "runtime/file.h"
#include "vm/api.h"
#include "vm/eval.h"
#include "vm/gil.h"
#include "vm/import.h"

namespace gilvm {

namespace {

// ---------------------------------------------------------------------------
// Blocking calls (GIL release points): plain bytes in, plain bytes out
// ---------------------------------------------------------------------------

// The outcome of a blocking call: bytes moved, or an errno value, or
// "interrupted" (Ctrl-C on the main thread: raise KeyboardInterrupt).
struct IoResult {
  ssize_t n = 0;
  int err = 0;
  bool interrupted = false;
};

// read(2) into buf, retried on EINTR.
IoResult blocking_read(int fd, char* buf, std::size_t size, bool is_main,
                       const std::atomic<std::uint32_t>& breaker) {
  for (;;) {
    ssize_t n = ::read(fd, buf, size);
    if (n >= 0) return {n, 0, false};
    if (errno != EINTR) return {0, errno, false};
    if (ctrl_c_pending(is_main, breaker)) return {0, 0, true};
  }
}

// One write(2) of data (it may write part of it), retried on EINTR.
IoResult blocking_write(int fd, const std::string& data, bool is_main,
                        const std::atomic<std::uint32_t>& breaker) {
  for (;;) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n >= 0) return {n, 0, false};
    if (errno != EINTR) return {0, errno, false};
    if (ctrl_c_pending(is_main, breaker)) return {0, 0, true};
  }
}

// close(2). On Linux the descriptor is released even when close() reports
// EINTR, so EINTR counts as success (CPython does the same).
int blocking_close(int fd) { return ::close(fd) < 0 && errno != EINTR ? errno : 0; }

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

// After a call came back "interrupted": raise KeyboardInterrupt (false), or
// true when the signal turned out to be handled and the call should retry.
bool after_interrupt(ThreadState& ts) { return handle_eval_breaker(ts); }

// ---------------------------------------------------------------------------
// The functions
// ---------------------------------------------------------------------------

Value os_pipe(ThreadState& ts, Value self, const Args& a) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) < 0) return raise_os_error(ts, errno);
  return obj(new_tuple(ts, {Value::from_int(fds[0]), Value::from_int(fds[1])}));
}

// os.read(fd, n): at most n bytes; b"" at end of file.
Value os_read(ThreadState& ts, Value self, const Args& a) {
  int fd;
  if (!to_c_int(ts, a[0], fd)) return Value::fail();
  auto n = to_index(ts, a[1]);
  if (!n) return Value::fail();
  if (*n < 0) return raise_os_error(ts, EINVAL);
  // Uninitialised, as CPython's buffer: os.read(fd, 1 << 30) on a pipe
  // must not touch a gigabyte to return a few bytes.
  const auto size = static_cast<std::size_t>(*n);
  std::unique_ptr<char[]> buf(new (std::nothrow) char[size]);
  if (buf == nullptr) return raise(ts, new_exception(ts, ts.interp.types.MemoryError, {}));
  const bool is_main = ts.is_main;
  for (;;) {
    IoResult r;
    {
      ReleaseGil released(ts, {RunState::Io, "os.read"});  // others run while this one waits
      r = blocking_read(fd, buf.get(), size, is_main, ts.interp.eval_breaker);
    }
    if (r.interrupted) {
      if (!after_interrupt(ts)) return Value::fail();
      continue;
    }
    if (r.err != 0) return raise_os_error(ts, r.err);
    return new_bytes(ts, std::string(buf.get(), static_cast<std::size_t>(r.n)));
  }
}

// os.write(fd, data): the number of bytes written (one write(2): possibly
// fewer than len(data)).
Value os_write(ThreadState& ts, Value self, const Args& a) {
  int fd;
  if (!to_c_int(ts, a[0], fd)) return Value::fail();
  Bytes* b = as_bytes(a[1]);
  if (b == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'",
                     type_name(ts, a[1]));
  std::string data = b->s;  // copied out: the GIL is released below
  const bool is_main = ts.is_main;
  for (;;) {
    IoResult r;
    {
      ReleaseGil released(ts, {RunState::Io, "os.write"});  // a full pipe blocks the writer only
      r = blocking_write(fd, data, is_main, ts.interp.eval_breaker);
    }
    if (r.interrupted) {
      if (!after_interrupt(ts)) return Value::fail();
      continue;
    }
    if (r.err != 0) return raise_os_error(ts, r.err);
    return Value::from_int(static_cast<std::int64_t>(r.n));
  }
}

Value os_close(ThreadState& ts, Value self, const Args& a) {
  int fd;
  if (!to_c_int(ts, a[0], fd)) return Value::fail();
  int err;
  {
    ReleaseGil released(ts, {RunState::Io, "os.close"});  // close() may flush to a slow device
    err = blocking_close(fd);
  }
  if (err != 0) return raise_os_error(ts, err);
  return Value::none();
}

Value os_getpid(ThreadState& ts, Value self, const Args& a) {
  return Value::from_int(static_cast<std::int64_t>(::getpid()));
}

Value os_getppid(ThreadState& ts, Value self, const Args& a) {
  return Value::from_int(static_cast<std::int64_t>(::getppid()));
}

// The number of online CPUs, or None when unknown (CPython 3.11 on Linux).
Value os_cpu_count(ThreadState& ts, Value self, const Args& a) {
  long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n >= 1 ? Value::from_int(n) : Value::none();
}

Value os_strerror(ThreadState& ts, Value self, const Args& a) {
  int code;
  if (!to_c_int(ts, a[0], code)) return Value::fail();
  char buf[256];
  // GNU strerror_r: returns the message (a static string, or buf).
  const char* msg = ::strerror_r(code, buf, sizeof buf);
  return new_str(ts, msg);
}

// os.urandom(n): n bytes from the kernel's random source (getrandom(2)).
Value os_urandom(ThreadState& ts, Value self, const Args& a) {
  auto n = to_index(ts, a[0]);
  if (!n) return Value::fail();
  if (*n < 0) return raise(ts, ts.interp.types.ValueError, "negative argument not allowed");
  std::string buf;
  try {
    buf.resize(static_cast<std::size_t>(*n));
  } catch (const std::bad_alloc&) {
    return raise(ts, new_exception(ts, ts.interp.types.MemoryError, {}));
  }
  std::size_t got = 0;
  while (got < buf.size()) {
    ssize_t r = ::getrandom(buf.data() + got, buf.size() - got, 0);
    if (r < 0) {
      if (errno == EINTR) continue;
      return raise_os_error(ts, errno);
    }
    got += static_cast<std::size_t>(r);
  }
  return new_bytes(ts, std::move(buf));
}

// ---------------------------------------------------------------------------
// Files and directories (the GIL stays held: local metadata calls are short)
// ---------------------------------------------------------------------------

// A path argument: a str (CPython also takes bytes and os.PathLike, and for
// listdir a directory fd or None: `kinds` is that list, for the message).
Str* path_arg(ThreadState& ts, const char* fn, Value v, const char* kinds = "string, bytes or os.PathLike") {
  Str* p = as_str(v);
  if (p == nullptr)
    raise_fmt(ts, ts.interp.types.TypeError, "{}: path should be {}, not {}", fn, kinds, type_name(ts, v));
  return p;
}

Value os_getcwd(ThreadState& ts, Value self, const Args& a) {
  std::string buf(PATH_MAX, '\0');
  if (::getcwd(buf.data(), buf.size()) == nullptr) return raise_os_error(ts, errno);
  buf.resize(std::strlen(buf.c_str()));
  return new_str(ts, std::move(buf));
}

Value os_listdir(ThreadState& ts, Value self, const Args& a) {
  Value pv = a[0].is_null() || a[0].is_none() ? new_str(ts, ".") : a[0];
  Str* p = path_arg(ts, "listdir", pv, "string, bytes, os.PathLike, integer or None");
  if (p == nullptr) return Value::fail();
  DIR* dir = ::opendir(p->s.c_str());
  if (dir == nullptr) return raise_os_error(ts, errno, pv);
  List* out = new_list(ts);
  while (dirent* e = ::readdir(dir)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    out->items.push_back(new_str(ts, std::string(name)));
  }
  ::closedir(dir);
  return obj(out);
}

// dir_fd (paths relative to a directory descriptor) is not implemented:
// given, it raises NotImplementedError, as CPython does where the platform
// lacks it.
bool no_dir_fd(ThreadState& ts, Value dir_fd) {
  if (dir_fd.is_null() || dir_fd.is_none()) return true;
  raise(ts, ts.interp.types.NotImplementedError, "dir_fd unavailable on this platform");
  return false;
}

Value os_remove(ThreadState& ts, Value self, const Args& a) {
  if (!no_dir_fd(ts, a[1])) return Value::fail();
  Str* p = path_arg(ts, "remove", a[0]);
  if (p == nullptr) return Value::fail();
  if (::unlink(p->s.c_str()) != 0) return raise_os_error(ts, errno, a[0]);
  return Value::none();
}

Value os_mkdir(ThreadState& ts, Value self, const Args& a) {
  if (!no_dir_fd(ts, a[2])) return Value::fail();
  Str* p = path_arg(ts, "mkdir", a[0]);
  if (p == nullptr) return Value::fail();
  int mode = 0777;
  if (!a[1].is_null() && !to_c_int(ts, a[1], mode)) return Value::fail();
  if (::mkdir(p->s.c_str(), static_cast<mode_t>(mode)) != 0) return raise_os_error(ts, errno, a[0]);
  return Value::none();
}

Value os_rmdir(ThreadState& ts, Value self, const Args& a) {
  if (!no_dir_fd(ts, a[1])) return Value::fail();
  Str* p = path_arg(ts, "rmdir", a[0]);
  if (p == nullptr) return Value::fail();
  if (::rmdir(p->s.c_str()) != 0) return raise_os_error(ts, errno, a[0]);
  return Value::none();
}

// What a path names, for os.path (stdlib/posixpath.py): "file", "dir",
// "other", or None when it does not exist (stat follows symlinks).
Value os_stat_kind(ThreadState& ts, Value self, const Args& a) {
  Str* p = path_arg(ts, "stat", a[0]);
  if (p == nullptr) return Value::fail();
  struct stat st;
  if (::stat(p->s.c_str(), &st) != 0) return Value::none();
  if (S_ISREG(st.st_mode)) return new_str(ts, "file");
  if (S_ISDIR(st.st_mode)) return new_str(ts, "dir");
  return new_str(ts, "other");
}

const MethodDef kOsFunctions[] = {
    {"getcwd", os_getcwd, "", Style::NoArgs},
    {"listdir", os_listdir, "path=None", Style::Keywords},
    {"remove", os_remove, "path, *, dir_fd=None", Style::Keywords},
    {"unlink", os_remove, "path, *, dir_fd=None", Style::Keywords},
    {"mkdir", os_mkdir, "path, mode=0o777, *, dir_fd=None", Style::Keywords},
    {"rmdir", os_rmdir, "path, *, dir_fd=None", Style::Keywords},
    {"_stat_kind", os_stat_kind, "path, /", Style::One},
    {"pipe", os_pipe, "", Style::NoArgs},
    {"read", os_read, "fd, length, /", Style::Positional},
    {"write", os_write, "fd, data, /", Style::Positional},
    {"close", os_close, "fd", Style::Keywords},
    {"getpid", os_getpid, "", Style::NoArgs},
    {"getppid", os_getppid, "", Style::NoArgs},
    {"cpu_count", os_cpu_count, "", Style::NoArgs},
    {"strerror", os_strerror, "code, /", Style::One},
    {"urandom", os_urandom, "size, /", Style::One},
};

}  // namespace

bool init_os_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  // CPython's os re-exports these from posix, so a wrong call names
  // "posix.getpid()": they are registered under that module name.
  Value os_name = dict_get_cstr(in, d, "__name__");
  dict_set_cstr(in, d, "__name__", obj(in.intern("posix")));
  add_functions(in, d, kOsFunctions);
  add_os_process_functions(in, d);  // fork, waitpid, kill, ...
  dict_set_cstr(in, d, "__name__", os_name);
  dict_set_cstr(in, d, "error", obj(in.types.OSError));
  dict_set_cstr(in, d, "name", new_str(ts, "posix"));
  dict_set_cstr(in, d, "sep", new_str(ts, "/"));
  dict_set_cstr(in, d, "linesep", new_str(ts, "\n"));
  // os.environ: a dict of the environment when the program started.
  Dict* env = new_dict(ts);
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view kv = *e;
    std::size_t eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    dict_set(ts, env, new_str(ts, std::string(kv.substr(0, eq))), new_str(ts, std::string(kv.substr(eq + 1))));
  }
  dict_set_cstr(in, d, "environ", obj(env));
  // os.path is posixpath (stdlib/posixpath.py), as in CPython on Linux, and
  // `import os.path` finds it in sys.modules.
  Value path = import_module(ts, "posixpath");
  if (path.is_fail()) return false;
  dict_set_cstr(in, d, "path", path);
  dict_set_cstr(in, in.modules, "os.path", path);
  return true;
}

}  // namespace gilvm
