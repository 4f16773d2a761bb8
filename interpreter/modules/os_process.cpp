// modules/os_process.cpp — os's process calls: fork, _exit, waitpid, kill,
// execv, the wait-status macros, and descriptor inheritance (the part of
// CPython's Modules/posixmodule.c that multiprocessing needs).
//
// Design. os.fork is vm/fork.h's fork_interpreter (which flushes and
// repairs the interpreter's state in the child), then, in the child, a call
// of threading._after_fork when threading has been imported, as CPython's
// PyOS_AfterFork_Child does. os.waitpid blocks with the GIL released, in
// "child process" for the statistics and the trace; a Ctrl-C on the main
// thread interrupts it (PEP 475, as os.read in modules/os.cpp).
// os._exit ends the process at once: nothing is flushed, as in CPython.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "modules/os_process.h"
#include "runtime/file.h"
#include "vm/api.h"
#include "vm/eval.h"
#include "vm/fork.h"
#include "vm/gil.h"

namespace gilvm {

namespace {

Value os_fork(ThreadState& ts, Value self, const Args& a) {
  pid_t pid = fork_interpreter(ts);
  if (pid < 0) return raise_os_error(ts, errno);
  if (pid == 0) {
    Interpreter& in = ts.interp;
    if (Module* m = as_module(dict_get_cstr(in, in.modules, "threading"))) {
      Value fn = dict_get_cstr(in, m->dict, "_after_fork");
      if (!fn.is_null()) {
        TempRoot root(ts, fn);
        if (call(ts, fn, {}).is_fail()) return Value::fail();
      }
    }
  }
  return Value::from_int(pid);
}

Value os_exit_now(ThreadState& ts, Value self, const Args& a) {
  int status;
  if (!to_c_int(ts, a[0], status)) return Value::fail();
  std::_Exit(status);
}

// The outcome of waitpid(2), retried on EINTR unless Ctrl-C is pending on
// the main thread.
struct WaitResult {
  pid_t pid = 0;
  int status = 0;
  int err = 0;
  bool interrupted = false;
};

WaitResult blocking_waitpid(pid_t pid, int options, bool is_main, const std::atomic<std::uint32_t>& breaker) {
  for (;;) {
    int status = 0;
    pid_t r = ::waitpid(pid, &status, options);
    if (r >= 0) return {r, status, 0, false};
    if (errno != EINTR) return {0, 0, errno, false};
    if (ctrl_c_pending(is_main, breaker)) return {0, 0, 0, true};
  }
}

Value os_waitpid(ThreadState& ts, Value self, const Args& a) {
  int pid, options;
  if (!to_c_int(ts, a[0], pid) || !to_c_int(ts, a[1], options)) return Value::fail();
  const bool is_main = ts.is_main;
  for (;;) {
    WaitResult r;
    if (options & WNOHANG) {
      r = blocking_waitpid(pid, options, is_main, ts.interp.eval_breaker);  // does not block
    } else {
      ReleaseGil released(ts, {RunState::Io, "child process"});
      r = blocking_waitpid(pid, options, is_main, ts.interp.eval_breaker);
    }
    if (r.interrupted) {
      if (!handle_eval_breaker(ts)) return Value::fail();
      continue;
    }
    if (r.err != 0) return raise_os_error(ts, r.err);
    return obj(new_tuple(ts, {Value::from_int(r.pid), Value::from_int(r.status)}));
  }
}

Value os_kill(ThreadState& ts, Value self, const Args& a) {
  int pid, sig;
  if (!to_c_int(ts, a[0], pid) || !to_c_int(ts, a[1], sig)) return Value::fail();
  if (::kill(pid, sig) != 0) return raise_os_error(ts, errno);
  // A signal to this very process is handled before kill() returns, as in
  // CPython (PyErr_CheckSignals): Ctrl-C becomes KeyboardInterrupt here.
  if (ts.interp.eval_breaker.load(std::memory_order_relaxed) & kBreakSignal)
    if (!handle_eval_breaker(ts)) return Value::fail();
  return Value::none();
}

// A str argument list for execv (the path, then argv).
bool str_list(ThreadState& ts, Value v, std::vector<std::string>& out) {
  std::vector<Value> items;
  if (List* l = as_list(v)) items = l->items;
  else if (Tuple* t = as_tuple(v)) items = t->items;
  else {
    raise(ts, ts.interp.types.TypeError, "execv() arg 2 must be a tuple or list");
    return false;
  }
  if (items.empty()) {
    raise(ts, ts.interp.types.ValueError, "execv() arg 2 must not be empty");
    return false;
  }
  for (Value x : items) {
    Str* s = as_str(x);
    if (s == nullptr) {
      raise_fmt(ts, ts.interp.types.TypeError, "expected str, {} found", type_name(ts, x));
      return false;
    }
    out.push_back(s->s);
  }
  return true;
}

// os.execv(path, args): replaces the process image; returns only on error.
Value os_execv(ThreadState& ts, Value self, const Args& a) {
  Str* path = as_str(a[0]);
  if (path == nullptr)
    return raise_fmt(ts, ts.interp.types.TypeError, "execv: path should be string, bytes or os.PathLike, not {}",
                     type_name(ts, a[0]));
  std::vector<std::string> args;
  if (!str_list(ts, a[1], args)) return Value::fail();
  std::vector<char*> argv;
  for (std::string& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  flush_std_streams(ts);
  flush_all_files(ts.interp);
  ::execv(path->s.c_str(), argv.data());
  return raise_os_error(ts, errno);
}

Value os_set_inheritable(ThreadState& ts, Value self, const Args& a) {
  int fd;
  if (!to_c_int(ts, a[0], fd)) return Value::fail();
  int on = truthy(ts, a[1]);
  if (on < 0) return Value::fail();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return raise_os_error(ts, errno);
  flags = on ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
  if (::fcntl(fd, F_SETFD, flags) < 0) return raise_os_error(ts, errno);
  return Value::none();
}

Value os_get_inheritable(ThreadState& ts, Value self, const Args& a) {
  int fd;
  if (!to_c_int(ts, a[0], fd)) return Value::fail();
  int flags = ::fcntl(fd, F_GETFD);
  if (flags < 0) return raise_os_error(ts, errno);
  return Value::from_bool(!(flags & FD_CLOEXEC));
}

// The wait-status macros of <sys/wait.h>, each a function of an int.
template <int (*F)(int)>
Value status_fn(ThreadState& ts, Value self, const Args& a) {
  int status;
  if (!to_c_int(ts, a[0], status)) return Value::fail();
  return Value::from_int(F(status));
}
int wifexited(int s) { return WIFEXITED(s); }
int wexitstatus(int s) { return WEXITSTATUS(s); }
int wifsignaled(int s) { return WIFSIGNALED(s); }
int wtermsig(int s) { return WTERMSIG(s); }
int wifstopped(int s) { return WIFSTOPPED(s); }
int wstopsig(int s) { return WSTOPSIG(s); }

Value bool_of(Value v) { return Value::from_bool(v.as_int() != 0); }

template <int (*F)(int)>
Value status_pred(ThreadState& ts, Value self, const Args& a) {
  Value v = status_fn<F>(ts, self, a);
  return v.is_fail() ? v : bool_of(v);
}

// os.waitstatus_to_exitcode (3.9): the exit code, or -signal when killed.
Value os_waitstatus_to_exitcode(ThreadState& ts, Value self, const Args& a) {
  int s;
  if (!to_c_int(ts, a[0], s)) return Value::fail();
  if (WIFEXITED(s)) return Value::from_int(WEXITSTATUS(s));
  if (WIFSIGNALED(s)) return Value::from_int(-WTERMSIG(s));
  return raise_fmt(ts, ts.interp.types.ValueError, "invalid wait status: {}", s);
}

const MethodDef kProcessFunctions[] = {
    {"fork", os_fork, "", Style::NoArgs},
    {"_exit", os_exit_now, "status", Style::Keywords},
    {"waitpid", os_waitpid, "pid, options, /", Style::Getargs},
    {"kill", os_kill, "pid, signal, /", Style::Getargs},
    {"execv", os_execv, "path, argv, /", Style::Positional},
    {"set_inheritable", os_set_inheritable, "fd, inheritable, /", Style::Positional},
    {"get_inheritable", os_get_inheritable, "fd, /", Style::One},
    {"WIFEXITED", status_pred<wifexited>, "status", Style::Keywords},
    {"WEXITSTATUS", status_fn<wexitstatus>, "status", Style::Keywords},
    {"WIFSIGNALED", status_pred<wifsignaled>, "status", Style::Keywords},
    {"WTERMSIG", status_fn<wtermsig>, "status", Style::Keywords},
    {"WIFSTOPPED", status_pred<wifstopped>, "status", Style::Keywords},
    {"WSTOPSIG", status_fn<wstopsig>, "status", Style::Keywords},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, "status", Style::Keywords},
};

}  // namespace

void add_os_process_functions(Interpreter& in, Dict* d) {
  add_functions(in, d, kProcessFunctions);  // under posix's name: see init_os_module
  dict_set_cstr(in, d, "WNOHANG", Value::from_int(WNOHANG));
  dict_set_cstr(in, d, "WUNTRACED", Value::from_int(WUNTRACED));
}

}  // namespace gilvm
