// modules/subprocess_native.cpp — `_subprocess`, the native half of the
// subprocess module (CPython's Modules/_posixsubprocess.c plus the waiting
// and pipe-pumping parts of Lib/subprocess.py). stdlib/subprocess.py builds
// Popen, run() and the rest on these four calls (and os.kill):
//
//   fork_exec(exec_list, argv, env, cwd, stdin_fd, stdout_fd, stderr_fd,
//             close_fds, start_new_session, exec_name) -> pid
//   wait(pid, timeout)      -> returncode, or None when the timeout passed
//   poll(pid)               -> returncode, or None while the child runs
//   communicate(stdin_fd, input, offset, stdout_fd, stderr_fd, timeout)
//                           -> (offset, out, err, stdin_done, out_eof,
//                               err_eof, timed_out)
//
// Starting a child. gilvm is multi-threaded, so between fork and exec the
// child may only make async-signal-safe calls: another thread may have held
// the malloc lock at the moment of the fork. Everything the child needs
// (argv, envp, the candidate program paths, the fds) is therefore built as
// plain C arrays in the parent first; the child only calls sigaction,
// sigprocmask, setsid, dup/dup2, fcntl, close, chdir, execve, write and
// _exit. The PATH search is done by hand (exec_list holds every candidate,
// computed in Python from PATH, as CPython does) because execvpe may
// allocate.
//
// The child is made with vfork(), as CPython 3.10+ does on Linux when no
// preexec_fn is given: it borrows the parent's memory instead of copying
// its page tables, so starting a child costs the same with a 10 MB or a
// 10 GB heap. The calling thread is suspended until the child has exec'd
// or exited (other threads run on). The child writes nothing but its own
// stack frame and the error pipe. All signals are blocked in the parent
// across vfork() so that no handler runs in the child on the borrowed
// memory; the child sets every caught signal back to its default, also
// SIGPIPE, which the command line ignores (and an ignored signal stays
// ignored across exec), then unblocks everything (threads block SIGINT)
// before exec.
//
// Errors in the child (chdir or exec failing) travel to the parent through
// a close-on-exec pipe, as in CPython: a successful exec closes it, so the
// parent reads end-of-file; a failure writes errno and the stage and exits
// with 255. The parent reaps that child and raises the OSError the errno
// names (FileNotFoundError "[Errno 2] No such file or directory: 'nosuch'").
//
// Waiting. Every wait runs with the GIL released under the label "child
// process", so other threads run meanwhile and --gil-stats shows where the
// thread was. A wait with a timeout polls a pidfd (pidfd_open, Linux 5.3)
// and falls back to waitpid(WNOHANG) with a growing sleep. SIGINT has no
// SA_RESTART, so a Ctrl-C interrupts waitpid/poll in the main thread with
// EINTR; the wait then returns and KeyboardInterrupt is raised (PEP 475, as
// time.sleep does). The Python side kills and reaps the child then.
//
// communicate() pumps the three pipes with poll(2) in one loop with the GIL
// released: the input is written as the child accepts it (the write end is
// made non-blocking so a large input never blocks the loop), and output is
// read in 64 KiB chunks into local strings that become bytes once the GIL
// is back. EPIPE on the input (the child exited without reading all of it)
// ends the input quietly, as CPython's communicate ignores BrokenPipeError.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "modules/registry.h"
#include "runtime/file.h"
#include "vm/api.h"
#include "vm/deadline.h"
#include "vm/eval.h"
#include "vm/gil.h"

namespace gilvm {

namespace {

using Clock = std::chrono::steady_clock;

constexpr BlockedIn kInChild{RunState::Io, "child process"};

// ---------------------------------------------------------------------------
// Plain C helpers (no Value; safe with the GIL released)
// ---------------------------------------------------------------------------

// A wait status as Popen.returncode: the exit status, or -N for a child
// killed by signal N.
int returncode_of(int status) {
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return status;  // stopped/continued are not asked for (no WUNTRACED)
}

// Milliseconds left until `deadline` for poll(2), rounded up; 0 when past.
int ms_until(Clock::time_point deadline) {
  auto left = deadline - Clock::now();
  if (left <= Clock::duration::zero()) return 0;
  double ms = std::ceil(std::chrono::duration<double, std::milli>(left).count());
  return ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
}

// The outcome of a wait for a child.
struct WaitResult {
  enum Status { Exited, Running, TimedOut, Failed, Interrupted } status;
  int returncode = 0;  // Exited
  int err = 0;         // Failed
};

WaitResult reap_nohang(pid_t pid) {
  int st = 0;
  pid_t r = ::waitpid(pid, &st, WNOHANG);
  if (r == pid) return {WaitResult::Exited, returncode_of(st)};
  if (r == 0) return {WaitResult::Running};
  // ECHILD: someone else reaped it (or SIGCHLD is ignored); CPython then
  // reports returncode 0.
  if (errno == ECHILD) return {WaitResult::Exited, 0};
  return {WaitResult::Failed, 0, errno};
}

// Blocks until the child exits (timeout < 0) or the timeout passes.
WaitResult blocking_wait(pid_t pid, double timeout, bool is_main, const std::atomic<std::uint32_t>& breaker) {
  if (timeout < 0) {
    for (;;) {
      int st = 0;
      pid_t r = ::waitpid(pid, &st, 0);
      if (r == pid) return {WaitResult::Exited, returncode_of(st)};
      if (errno == ECHILD) return {WaitResult::Exited, 0};
      if (errno != EINTR) return {WaitResult::Failed, 0, errno};
      if (ctrl_c_pending(is_main, breaker)) return {WaitResult::Interrupted};
    }
  }
  const Clock::time_point deadline = deadline_in(timeout);
  int pidfd = -1;
#ifdef SYS_pidfd_open
  pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#endif
  WaitResult out{WaitResult::TimedOut};
  std::int64_t nap_us = 500;  // the fallback's sleep, doubled up to 50 ms (as CPython's busy loop)
  for (;;) {
    WaitResult now = reap_nohang(pid);
    if (now.status != WaitResult::Running) {
      out = now;
      break;
    }
    int ms = ms_until(deadline);
    if (ms == 0) break;
    int r;
    if (pidfd >= 0) {
      pollfd p{pidfd, POLLIN, 0};
      r = ::poll(&p, 1, ms);
    } else {
      std::int64_t us = std::min<std::int64_t>(nap_us, static_cast<std::int64_t>(ms) * 1000);
      nap_us = std::min<std::int64_t>(nap_us * 2, 50000);
      timespec t{static_cast<time_t>(us / 1000000), static_cast<long>(us % 1000000) * 1000};
      r = ::nanosleep(&t, nullptr);
    }
    if (r < 0 && errno == EINTR && ctrl_c_pending(is_main, breaker)) {
      out = {WaitResult::Interrupted};
      break;
    }
  }
  if (pidfd >= 0) ::close(pidfd);
  return out;
}

// What the child reports through the error pipe when it cannot exec.
enum class ChildStage : std::uint8_t { Chdir = 1, Exec = 2, Setup = 3 };
struct ChildError {
  int err;
  ChildStage stage;
};

// In the child: reports the failure and exits. Async-signal-safe.
[[noreturn]] void child_fail(int errpipe, int err, ChildStage stage) {
  ChildError e{err, stage};
  ssize_t ignored = ::write(errpipe, &e, sizeof e);
  (void)ignored;
  ::_exit(255);
}

// In the child: fd `from` becomes `to` (0, 1 or 2), inheritable.
bool child_dup_to(int from, int to) {
  if (from < 0) return true;  // inherit the parent's
  if (from == to) {           // already there: only clear close-on-exec
    int flags = ::fcntl(from, F_GETFD);
    return flags >= 0 && ::fcntl(from, F_SETFD, flags & ~FD_CLOEXEC) == 0;
  }
  return ::dup2(from, to) >= 0;  // dup2's copy is never close-on-exec
}

// Everything the child needs, prepared by the parent as plain C data.
struct ChildPlan {
  std::vector<char*> exec_list;  // candidate paths, null-terminated
  std::vector<char*> argv;       // null-terminated
  std::vector<char*> envp;       // null-terminated, or empty: inherit environ
  const char* cwd = nullptr;
  int fds[3] = {-1, -1, -1};     // become 0, 1, 2 (-1: inherit)
  bool close_fds = true;
  bool new_session = false;
  int errpipe = -1;              // the error pipe's write end (close-on-exec)
  int max_fd = 1024;             // for closing fds without close_range
};

// The child between vfork and exec. Only async-signal-safe calls, and no
// writes but to its own locals: the memory is the parent's.
[[noreturn]] void child_exec(const ChildPlan& p) {
  // Signals: back to the defaults a fresh program expects. A handler must
  // not run here (it would run gilvm code on the parent's memory), so every
  // caught signal goes back to SIG_DFL before the mask is lifted; SIGPIPE
  // and SIGXFSZ are reset from "ignored" as CPython's restore_signals does.
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) {
    struct sigaction now {};
    if (::sigaction(sig, nullptr, &now) != 0) continue;  // not a valid signal (32, 33: libc's)
    bool caught = now.sa_handler != SIG_DFL && now.sa_handler != SIG_IGN;
    if (caught || sig == SIGPIPE || sig == SIGXFSZ) ::sigaction(sig, &dfl, nullptr);
  }
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);

  if (p.new_session && ::setsid() < 0) child_fail(p.errpipe, errno, ChildStage::Setup);

  // A source fd that is itself 0..2 may be overwritten by an earlier dup2
  // (stdout=sys.stdin...): move such sources above 2 first.
  int fds[3] = {p.fds[0], p.fds[1], p.fds[2]};
  for (int i = 0; i < 3; ++i) {
    if (fds[i] >= 0 && fds[i] < 3 && fds[i] != i) {
      int moved = ::fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
      if (moved < 0) child_fail(p.errpipe, errno, ChildStage::Setup);
      for (int j = i + 1; j < 3; ++j)
        if (fds[j] == fds[i]) fds[j] = moved;
      fds[i] = moved;
    }
  }
  for (int i = 0; i < 3; ++i)
    if (!child_dup_to(fds[i], i)) child_fail(p.errpipe, errno, ChildStage::Setup);

  if (p.cwd != nullptr && ::chdir(p.cwd) < 0) child_fail(p.errpipe, errno, ChildStage::Chdir);

  if (p.close_fds) {
    // Everything above 2 but the error pipe (close-on-exec anyway).
    bool done = false;
#ifdef SYS_close_range
    done = (p.errpipe == 3 || ::syscall(SYS_close_range, 3u, static_cast<unsigned>(p.errpipe - 1), 0u) == 0) &&
           ::syscall(SYS_close_range, static_cast<unsigned>(p.errpipe + 1), ~0u, 0u) == 0;
#endif
    if (!done)
      for (int fd = 3; fd < p.max_fd; ++fd)
        if (fd != p.errpipe) ::close(fd);
  }

  char* const* envp = p.envp.empty() ? environ : p.envp.data();
  // As CPython's child_exec: try every candidate; report the first error
  // that is not "no such file here", else the last one.
  int saved = 0;
  for (char* path : p.exec_list) {
    if (path == nullptr) break;
    ::execve(path, p.argv.data(), envp);
    if (errno != ENOENT && errno != ENOTDIR && saved == 0) saved = errno;
  }
  child_fail(p.errpipe, saved != 0 ? saved : errno, ChildStage::Exec);
}

// Starts the child with every signal blocked (see the file comment); returns
// its pid, or -1 with `fork_err` set. A function of its own, never inlined
// (as CPython's do_fork_exec): the child runs on this frame's stack, so no
// local of the caller may be live across vfork() — GCC warned that `got`
// in sp_fork_exec "might be clobbered by vfork" while this was inline.
[[gnu::noinline]] pid_t vfork_child(const ChildPlan& plan, int& fork_err) {
  sigset_t all, old;
  sigfillset(&all);
  ::pthread_sigmask(SIG_BLOCK, &all, &old);
  pid_t pid = ::vfork();
  if (pid == 0) child_exec(plan);
  fork_err = errno;
  ::pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return pid;
}

// Reads the error pipe until EOF (exec succeeded) or a report arrives.
// Returns bytes read (0: exec succeeded).
ssize_t read_child_report(int fd, ChildError& e) {
  char* buf = reinterpret_cast<char*>(&e);
  std::size_t got = 0;
  while (got < sizeof e) {
    ssize_t n = ::read(fd, buf + got, sizeof e - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
  }
  return static_cast<ssize_t>(got);
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

// A str or bytes argument as C text (os.fsencode's job in CPython).
bool text_arg(ThreadState& ts, Value v, std::string& out) {
  if (Str* s = as_str(v)) {
    out = s->s;
  } else if (Bytes* b = as_bytes(v)) {
    out = b->s;
  } else {
    raise_fmt(ts, ts.interp.types.TypeError, "expected str, bytes or os.PathLike object, not {}",
              type_name(ts, v));
    return false;
  }
  if (out.find('\0') != std::string::npos) {
    raise(ts, ts.interp.types.ValueError, "embedded null byte");
    return false;
  }
  return true;
}

// A list or tuple of str/bytes as C strings.
bool text_list_arg(ThreadState& ts, Value v, std::vector<std::string>& out) {
  std::vector<Value> items;
  if (!collect(ts, v, items)) return false;
  for (Value item : items) {
    std::string s;
    if (!text_arg(ts, item, s)) return false;
    out.push_back(std::move(s));
  }
  return true;
}

std::vector<char*> c_array(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// timeout None -> -1 (forever); a number >= 0 otherwise.
bool timeout_arg(ThreadState& ts, Value v, double& out) {
  if (v.is_none()) {
    out = -1;
    return true;
  }
  auto d = to_double(ts, v);
  if (!d) return false;
  out = std::max(0.0, *d);
  return true;
}

bool pid_arg(ThreadState& ts, Value v, pid_t& out) {
  int n;
  if (!to_c_int(ts, v, n)) return false;
  out = n;
  return true;
}

// ---------------------------------------------------------------------------
// The functions
// ---------------------------------------------------------------------------

Value sp_fork_exec(ThreadState& ts, Value self, const Args& a) {
  std::vector<std::string> exec_list, argv, envp;
  if (!text_list_arg(ts, a[0], exec_list)) return Value::fail();
  if (!text_list_arg(ts, a[1], argv)) return Value::fail();
  if (!a[2].is_none()) {
    Dict* env = as_dict(a[2]);
    if (env == nullptr) return raise(ts, ts.interp.types.TypeError, "env must be a dict");
    bool ok = true;
    dict_for_each(env, [&](Value k, Value v) {
      std::string key, value;
      if (!ok || !text_arg(ts, k, key) || !text_arg(ts, v, value)) {
        ok = false;
        return;
      }
      if (key.empty() || key.find('=') != std::string::npos) {
        raise(ts, ts.interp.types.ValueError, "illegal environment variable name");
        ok = false;
        return;
      }
      envp.push_back(key + "=" + value);
    });
    if (!ok) return Value::fail();
  }
  std::string cwd;
  if (!a[3].is_none() && !text_arg(ts, a[3], cwd)) return Value::fail();
  ChildPlan plan;
  for (int i = 0; i < 3; ++i)
    if (!to_c_int(ts, a[4 + i], plan.fds[i])) return Value::fail();
  int t;
  if ((t = truthy(ts, a[7])) < 0) return Value::fail();
  plan.close_fds = t != 0;
  if ((t = truthy(ts, a[8])) < 0) return Value::fail();
  plan.new_session = t != 0;
  Value exec_name = a[9];
  if (argv.empty()) return raise(ts, ts.interp.types.ValueError, "args must not be empty");

  plan.exec_list = c_array(exec_list);
  plan.argv = c_array(argv);
  if (!a[2].is_none()) plan.envp = c_array(envp);
  plan.cwd = a[3].is_none() ? nullptr : cwd.c_str();
  long max_fd = ::sysconf(_SC_OPEN_MAX);
  plan.max_fd = max_fd > 0 && max_fd < 65536 ? static_cast<int>(max_fd) : 65536;

  // CPython closes a file as soon as its last reference goes, so a child
  // started after `open(p, "w").write(s)` reads all of s; gilvm collects
  // later, so flush open() files first (runtime/file.h). sys.stdout is not
  // flushed: CPython does not either, and a program that prints and then
  // runs a child writing to the same pipe shows the same order under both.
  flush_all_files(ts.interp);

  int errpipe[2];
  if (::pipe2(errpipe, O_CLOEXEC) < 0) return raise_os_error(ts, errno);
  if (errpipe[1] < 3) {  // fds 0..2 are about to be replaced in the child
    int moved = ::fcntl(errpipe[1], F_DUPFD_CLOEXEC, 3);
    ::close(errpipe[1]);
    if (moved < 0) {
      int err = errno;
      ::close(errpipe[0]);
      return raise_os_error(ts, err);
    }
    errpipe[1] = moved;
  }
  plan.errpipe = errpipe[1];

  pid_t pid;
  int fork_err = 0;
  ChildError report{};
  ssize_t got = 0;
  {
    // This thread is suspended until the child has exec'd (or failed to):
    // other threads run meanwhile. Only `plan`, plain data, is read.
    ReleaseGil released(ts, kInChild);
    pid = vfork_child(plan, fork_err);
    ::close(errpipe[1]);
    if (pid < 0) {
      ::close(errpipe[0]);
    } else {
      got = read_child_report(errpipe[0], report);
      ::close(errpipe[0]);
      if (got > 0) {  // it failed and exits at once: reap it
        int st;
        while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
        }
      }
    }
  }
  if (pid < 0) return raise_os_error(ts, fork_err);
  if (got == 0) return Value::from_int(pid);
  if (got != static_cast<ssize_t>(sizeof report))
    return raise(ts, ts.interp.types.RuntimeError, "bad exception data from child");
  if (report.stage == ChildStage::Chdir) return raise_os_error(ts, report.err, a[3]);
  if (report.stage == ChildStage::Exec) return raise_os_error(ts, report.err, exec_name);
  return raise_os_error(ts, report.err);
}

Value sp_wait(ThreadState& ts, Value self, const Args& a) {
  pid_t pid;
  double timeout;
  if (!pid_arg(ts, a[0], pid) || !timeout_arg(ts, a[1], timeout)) return Value::fail();
  const bool is_main = ts.is_main;
  for (;;) {
    WaitResult r;
    {
      ReleaseGil released(ts, kInChild);  // other threads run while the child does
      r = blocking_wait(pid, timeout, is_main, ts.interp.eval_breaker);
    }
    switch (r.status) {
      case WaitResult::Exited: return Value::from_int(r.returncode);
      case WaitResult::Running:
      case WaitResult::TimedOut: return Value::none();
      case WaitResult::Failed: return raise_os_error(ts, r.err);
      case WaitResult::Interrupted:
        if (!handle_eval_breaker(ts)) return Value::fail();  // KeyboardInterrupt
        break;  // the signal was handled: wait again (with the whole timeout, as PEP 475 allows)
    }
  }
}

Value sp_poll(ThreadState& ts, Value self, const Args& a) {
  pid_t pid;
  if (!pid_arg(ts, a[0], pid)) return Value::fail();
  WaitResult r = reap_nohang(pid);
  if (r.status == WaitResult::Exited) return Value::from_int(r.returncode);
  if (r.status == WaitResult::Failed) return raise_os_error(ts, r.err);
  return Value::none();
}

// The state of one communicate() call, plain data only.
struct Pump {
  int in_fd, out_fd, err_fd;  // -1: not piped, or finished
  std::string input;
  std::size_t offset;         // bytes of input already written
  std::string out, err;
  bool timed_out = false;
  bool interrupted = false;
  int error = 0;              // an errno other than EPIPE/EINTR
};

// The pipes' loop, with the GIL released, until the input is all written,
// every output pipe is at end of file, the deadline passes (timed_out),
// Ctrl-C (interrupted) or an error.
void pump_pipes(Pump& p, Clock::time_point deadline, bool is_main, const std::atomic<std::uint32_t>& breaker) {
  const bool forever = deadline == Clock::time_point::max();
  char buf[65536];
  while (p.in_fd >= 0 || p.out_fd >= 0 || p.err_fd >= 0) {
    pollfd fds[3];
    nfds_t n = 0;
    if (p.in_fd >= 0) fds[n++] = {p.in_fd, POLLOUT, 0};
    if (p.out_fd >= 0) fds[n++] = {p.out_fd, POLLIN, 0};
    if (p.err_fd >= 0) fds[n++] = {p.err_fd, POLLIN, 0};
    int ms = forever ? -1 : ms_until(deadline);
    if (ms == 0) {
      p.timed_out = true;
      return;
    }
    int r = ::poll(fds, n, ms);
    if (r < 0) {
      if (errno != EINTR) {
        p.error = errno;
        return;
      }
      if (ctrl_c_pending(is_main, breaker)) {
        p.interrupted = true;
        return;
      }
      continue;
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == p.in_fd) {
        ssize_t w = ::write(p.in_fd, p.input.data() + p.offset, p.input.size() - p.offset);
        if (w > 0) p.offset += static_cast<std::size_t>(w);
        if ((w < 0 && errno == EPIPE) || p.offset >= p.input.size()) {
          // All written, or the child will read no more: return so that the
          // caller closes the pipe and the child sees end of file.
          p.in_fd = -1;
          return;
        } else if (w < 0 && errno != EAGAIN && errno != EINTR) {
          p.error = errno;
          return;
        }
        continue;
      }
      int& fd = fds[i].fd == p.out_fd ? p.out_fd : p.err_fd;
      std::string& sink = &fd == &p.out_fd ? p.out : p.err;
      ssize_t got = ::read(fd, buf, sizeof buf);
      if (got > 0) {
        sink.append(buf, static_cast<std::size_t>(got));
      } else if (got == 0) {
        fd = -1;  // end of file
      } else if (errno != EINTR && errno != EAGAIN) {
        p.error = errno;
        return;
      }
    }
  }
}

Value sp_communicate(ThreadState& ts, Value self, const Args& a) {
  Pump p{};
  if (!to_c_int(ts, a[0], p.in_fd) || !to_c_int(ts, a[3], p.out_fd) || !to_c_int(ts, a[4], p.err_fd))
    return Value::fail();
  if (p.in_fd >= 0) {
    Bytes* input = as_bytes(a[1]);
    if (input == nullptr)
      return raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'",
                       type_name(ts, a[1]));
    auto off = to_index(ts, a[2]);
    if (!off) return Value::fail();
    p.input = input->s;  // copied out: the GIL is released below
    p.offset = static_cast<std::size_t>(std::clamp<std::int64_t>(*off, 0, static_cast<std::int64_t>(p.input.size())));
    if (p.offset >= p.input.size()) p.in_fd = -1;
  }
  double timeout;
  if (!timeout_arg(ts, a[5], timeout)) return Value::fail();
  int in_fd = p.in_fd, in_flags = -1;
  if (in_fd >= 0) {  // non-blocking while pumping: a write takes what fits
    in_flags = ::fcntl(in_fd, F_GETFL);
    if (in_flags >= 0) ::fcntl(in_fd, F_SETFL, in_flags | O_NONBLOCK);
  }
  const bool is_main = ts.is_main;
  const Clock::time_point deadline = deadline_unless_negative(timeout);
  bool raised = false;
  for (;;) {
    {
      ReleaseGil released(ts, kInChild);
      pump_pipes(p, deadline, is_main, ts.interp.eval_breaker);
    }
    if (!p.interrupted) break;
    p.interrupted = false;
    if (!handle_eval_breaker(ts)) {  // KeyboardInterrupt
      raised = true;
      break;
    }
  }
  if (in_fd >= 0 && in_flags >= 0) ::fcntl(in_fd, F_SETFL, in_flags);
  if (raised) return Value::fail();
  if (p.error != 0) return raise_os_error(ts, p.error);
  Value out = new_bytes(ts, std::move(p.out));
  TempRoot keep_out(ts, out);
  Value err = new_bytes(ts, std::move(p.err));
  TempRoot keep_err(ts, err);
  return obj(new_tuple(ts, {Value::from_int(static_cast<std::int64_t>(p.offset)), out, err,
                            Value::from_bool(p.in_fd < 0), Value::from_bool(p.out_fd < 0),
                            Value::from_bool(p.err_fd < 0), Value::from_bool(p.timed_out)}));
}

const MethodDef kSubprocessFunctions[] = {
    {"fork_exec", sp_fork_exec,
     "exec_list, argv, env, cwd, stdin_fd, stdout_fd, stderr_fd, close_fds, start_new_session, executable, /",
     Style::Positional},
    {"wait", sp_wait, "pid, timeout, /", Style::Positional},
    {"poll", sp_poll, "pid, /", Style::One},
    {"communicate", sp_communicate, "in_fd, input, offset, out_fd, err_fd, timeout, /", Style::Positional},
};

}  // namespace

bool init_subprocess_module(ThreadState& ts, Dict* d) {
  add_functions(ts.interp, d, kSubprocessFunctions);
  return true;
}

}  // namespace gilvm
