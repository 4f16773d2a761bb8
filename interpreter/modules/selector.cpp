// modules/selector.cpp — _selector, gilvm's own readiness wait for the
// asyncio event loop (stdlib/asyncio.py). CPython's asyncio stands on the
// selectors module over select.epoll; gilvm's needs only this much of it, so
// the module is a handful of functions on plain integers:
//
//   epoll() -> epfd                 a new epoll instance (close-on-exec)
//   register(epfd, fd, events)      events: EVENT_READ | EVENT_WRITE
//   modify(epfd, fd, events)
//   unregister(epfd, fd)
//   wait(epfd, timeout) -> [(fd, events), ...]   timeout in seconds, None: forever
//   close(epfd)
//
// wait() is where an asyncio program spends its idle time. It releases the
// GIL for the epoll_wait() and says so as "event loop" (a BlockedIn label),
// so --gil-stats and the timeline show the loop's thread blocked in the
// event loop between its short bursts of running. Readiness is level
// triggered, as selectors.EpollSelector's is. A signal ends the wait early;
// a pending Ctrl-C on the main thread is raised as KeyboardInterrupt
// (PEP 475 otherwise: the loop simply runs its timers and waits again).
#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <vector>

#include "modules/registry.h"
#include "runtime/file.h"
#include "vm/api.h"
#include "vm/eval.h"

namespace gilvm {

namespace {

constexpr int kEventRead = 1;   // selectors.EVENT_READ
constexpr int kEventWrite = 2;  // selectors.EVENT_WRITE

bool int_args(ThreadState& ts, const Args& a, const char* name, std::size_t n, std::int64_t* out) {
  if (a.nkw != 0 || a.size() != n) {
    raise_fmt(ts, ts.interp.types.TypeError, "_selector.{}() takes exactly {} arguments", name, n);
    return false;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!a[i].is_int()) {
      raise_fmt(ts, ts.interp.types.TypeError, "_selector.{}(): an integer is required, not '{}'", name,
                type_name(ts, a[i]));
      return false;
    }
    out[i] = a[i].as_int();
  }
  return true;
}

std::uint32_t epoll_mask(std::int64_t events) {
  return ((events & kEventRead) ? EPOLLIN : 0u) | ((events & kEventWrite) ? EPOLLOUT : 0u);
}

Value sel_epoll(ThreadState& ts, Value, const Args& a) {
  if (a.size() != 0 || a.nkw != 0) return raise(ts, ts.interp.types.TypeError, "_selector.epoll() takes no arguments");
  int fd = ::epoll_create1(EPOLL_CLOEXEC);
  if (fd < 0) return raise_os_error(ts, errno);
  return Value::from_int(fd);
}

Value control(ThreadState& ts, const Args& a, const char* name, int op) {
  std::int64_t v[3] = {0, 0, 0};
  if (!int_args(ts, a, name, op == EPOLL_CTL_DEL ? 2 : 3, v)) return Value::fail();
  struct epoll_event ev{};
  ev.events = epoll_mask(v[2]);
  ev.data.fd = static_cast<int>(v[1]);
  if (::epoll_ctl(static_cast<int>(v[0]), op, static_cast<int>(v[1]), &ev) < 0) return raise_os_error(ts, errno);
  return Value::none();
}

Value sel_register(ThreadState& ts, Value, const Args& a) { return control(ts, a, "register", EPOLL_CTL_ADD); }
Value sel_modify(ThreadState& ts, Value, const Args& a) { return control(ts, a, "modify", EPOLL_CTL_MOD); }
Value sel_unregister(ThreadState& ts, Value, const Args& a) { return control(ts, a, "unregister", EPOLL_CTL_DEL); }

Value sel_wait(ThreadState& ts, Value, const Args& a) {
  Interpreter& in = ts.interp;
  if (a.nkw != 0 || a.size() != 2 || !a[0].is_int())
    return raise(ts, in.types.TypeError,
                 "_selector.wait(epfd, timeout) takes an epoll descriptor and a timeout");
  int epfd = static_cast<int>(a[0].as_int());
  int timeout_ms = -1;
  if (!a[1].is_none()) {
    auto secs = to_double(ts, a[1]);
    if (!secs) return Value::fail();
    // Round up, as selectors does: waking early would spin the loop.
    double ms = std::ceil(std::max(0.0, *secs) * 1000.0);
    timeout_ms = ms > INT_MAX ? INT_MAX : static_cast<int>(ms);
  }
  constexpr int kMaxEvents = 256;
  struct epoll_event events[kMaxEvents];
  int n;
  int err = 0;
  {
    ReleaseGil released(ts, {RunState::Io, "event loop"});
    n = ::epoll_wait(epfd, events, kMaxEvents, timeout_ms);
    if (n < 0) err = errno;
  }
  if (n < 0) {
    if (err != EINTR) return raise_os_error(ts, err);
    if (!handle_eval_breaker(ts)) return Value::fail();  // Ctrl-C: KeyboardInterrupt
    n = 0;  // another signal: report nothing ready; the loop runs its timers and waits again
  }
  List* out = new_list(ts, static_cast<std::size_t>(n));
  TempRoot root(ts, Value::from_obj(out));
  for (int i = 0; i < n; ++i) {
    std::int64_t mask = 0;
    // An error or hang-up wakes both directions, so the reader or writer
    // finds out from its recv/send (as selectors reports it).
    if (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP)) mask |= kEventRead;
    if (events[i].events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) mask |= kEventWrite;
    out->items.push_back(Value::from_obj(new_tuple(ts, {Value::from_int(events[i].data.fd), Value::from_int(mask)})));
  }
  return Value::from_obj(out);
}

Value sel_close(ThreadState& ts, Value, const Args& a) {
  std::int64_t fd;
  if (!int_args(ts, a, "close", 1, &fd)) return Value::fail();
  if (::close(static_cast<int>(fd)) < 0) return raise_os_error(ts, errno);
  return Value::none();
}

constexpr MethodDef kSelectorFunctions[] = {
    {"epoll", sel_epoll},   {"register", sel_register}, {"modify", sel_modify},
    {"unregister", sel_unregister}, {"wait", sel_wait}, {"close", sel_close},
};

}  // namespace

bool init_selector_module(ThreadState& ts, Dict* d) {
  add_functions(ts.interp, d, kSelectorFunctions);
  dict_set_cstr(ts.interp, d, "EVENT_READ", Value::from_int(kEventRead));
  dict_set_cstr(ts.interp, d, "EVENT_WRITE", Value::from_int(kEventWrite));
  return true;
}

}  // namespace gilvm
