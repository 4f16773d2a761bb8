// modules/socket.cpp — the native socket module: TCP over IPv4 and Unix
// stream sockets, blocking or with a timeout (CPython's Modules/socketmodule.c
// and the small Python layer over it in Lib/socket.py, in one file).
//
// The socket object. A SocketObj is an Opaque holding the descriptor and
// (family, type, proto, timeout). Its C++ destructor closes a descriptor the
// program left open when the collector frees the object (CPython closes it
// in the socket's finalizer). close() sets fd to -1 first; a closed socket
// used again fails the way the system call on descriptor -1 does in CPython:
// OSError [Errno 9] Bad file descriptor. All fields are read and written
// with the GIL held only.
//
// Timeouts, as CPython implements them. timeout < 0 (None) is a blocking
// socket: each call is one blocking system call. timeout == 0 is a
// non-blocking socket: a call that would block fails with BlockingIOError.
// timeout > 0 keeps the descriptor non-blocking (O_NONBLOCK) and waits for
// readiness with poll() until the call's deadline; when the deadline passes
// the call raises TimeoutError("timed out") (socket.timeout is an alias of
// TimeoutError since Python 3.10). A readiness that turns out to be false
// (EAGAIN after poll said ready) waits again. sendall() has one deadline for
// the whole buffer, as in CPython 3.5+. connect() on a socket with a
// timeout starts a non-blocking connect and polls for its completion, then
// reads the result with SO_ERROR.
//
// The GIL. Every call that can block (accept, connect, send, sendall, recv,
// close, and the poll() waits) runs with the GIL released, in io_loop(): a
// function on plain C values only — the descriptor and timeout are copied
// out of the SocketObj first, data to send is copied out of its bytes object,
// received data lands in a local buffer that becomes bytes after the
// GIL is back. Host names other than numeric addresses and "localhost" are
// resolved with getaddrinfo(), also with the GIL released.
//
// Signals (PEP 475). A call interrupted by a signal (EINTR) is retried; on
// the main thread with a Ctrl-C pending, io_loop returns instead, the caller
// raises KeyboardInterrupt from handle_eval_breaker(), as time.sleep does.
// SIGPIPE is ignored by the command line and send() passes MSG_NOSIGNAL, so
// writing to a connection the peer closed raises BrokenPipeError.
//
// Addresses: AF_INET (host, port) pairs, host a dotted quad, "localhost",
// "" (INADDR_ANY), "<broadcast>" or a name getaddrinfo() knows; AF_UNIX
// paths (str). Other families (AF_INET6, ...) are refused when the socket
// is created.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "modules/registry.h"
#include "runtime/file.h"
#include "vm/api.h"
#include "vm/deadline.h"
#include "vm/eval.h"
#include "vm/gil.h"

namespace gilvm {

namespace {

using Clock = std::chrono::steady_clock;

// listen()'s default backlog: CPython's min(SOMAXCONN, 128).
constexpr int kDefaultBacklog = SOMAXCONN < 128 ? SOMAXCONN : 128;

// ---------------------------------------------------------------------------
// The socket object
// ---------------------------------------------------------------------------

struct SocketObj : Opaque {
  int fd = -1;            // -1 once closed (or detached)
  int family = AF_INET;
  int sock_type = SOCK_STREAM;
  int proto = 0;
  double timeout = -1;    // seconds; < 0: blocking (None); 0: non-blocking
  explicit SocketObj(Type* t) : Opaque(t) {}
  ~SocketObj() override {
    if (fd >= 0) ::close(fd);  // collected while open: release the descriptor
  }
};

SocketObj* as_socket(ThreadState& ts, Value v) {
  if (v.is_obj() && v.as_obj()->kind == Kind::Opaque)
    if (auto* s = dynamic_cast<SocketObj*>(v.as_obj())) return s;
  raise_fmt(ts, ts.interp.types.TypeError, "descriptor requires a 'socket' object but received '{}'",
            type_name(ts, v));
  return nullptr;
}

// ---------------------------------------------------------------------------
// The blocking loop (GIL release point): plain C values only
// ---------------------------------------------------------------------------

struct CallResult {
  enum Status { Done, Failed, TimedOut, Interrupted } status;
  ssize_t n = 0;  // Done: the system call's result
  int err = 0;    // Failed: errno
};

// What io_loop needs to know, copied out of the socket and the thread state
// while the GIL is held.
struct CallSpec {
  int fd;
  double timeout;               // the socket's timeout (see the file comment)
  Clock::time_point deadline;   // when timeout > 0
  bool writing;                 // wait for POLLOUT rather than POLLIN
  bool connect;                 // waiting for a connect() to complete
  bool is_main;
  const std::atomic<std::uint32_t>* breaker;
};

// CPython's sock_call_ex loop: wait for readiness when the socket has a
// timeout (or a connect is in progress), then run op(), which returns a
// system call's result (>= 0) or -1 with errno set. Called with the GIL
// released.
template <class Op>
CallResult io_loop(const CallSpec& c, Op&& op) {
  const bool has_timeout = c.timeout > 0;
  for (;;) {
    if (has_timeout || c.connect) {
      int ms = -1;
      if (has_timeout) {
        auto left = c.deadline - Clock::now();
        if (left <= Clock::duration::zero()) return {CallResult::TimedOut};
        double dms = std::ceil(std::chrono::duration<double, std::milli>(left).count());
        ms = dms > INT_MAX ? INT_MAX : static_cast<int>(dms);
      }
      pollfd p{c.fd, static_cast<short>(c.writing ? POLLOUT : POLLIN), 0};
      if (c.connect) p.events |= POLLERR;
      int r = ::poll(&p, 1, ms);
      if (r < 0) {
        if (errno != EINTR) return {CallResult::Failed, 0, errno};
        if (ctrl_c_pending(c.is_main, *c.breaker)) return {CallResult::Interrupted};
        continue;
      }
      if (r == 0) return {CallResult::TimedOut};
    }
    int err;
    for (;;) {
      ssize_t n = op();
      if (n >= 0) return {CallResult::Done, n, 0};
      err = errno;
      if (err != EINTR) break;
      if (ctrl_c_pending(c.is_main, *c.breaker)) return {CallResult::Interrupted};
    }
    if (has_timeout && (err == EAGAIN || err == EWOULDBLOCK)) continue;  // a false readiness
    return {CallResult::Failed, 0, err};
  }
}

CallSpec make_spec(ThreadState& ts, const SocketObj* s, bool writing, Clock::time_point deadline) {
  return CallSpec{s->fd, s->timeout, deadline, writing, false, ts.is_main, &ts.interp.eval_breaker};
}

// A huge timeout has no deadline either (vm/deadline.h).
Clock::time_point deadline_after(double timeout) {
  return timeout <= 0 ? Clock::time_point::max() : deadline_in(timeout);
}

// Runs io_loop with the GIL released; a Ctrl-C raises KeyboardInterrupt
// (Failed with err 0 and an exception pending), another signal retries.
// `what` names the call for the GIL's statistics ("socket.recv").
template <class Op>
CallResult sock_call(ThreadState& ts, const CallSpec& c, const char* what, Op&& op) {
  for (;;) {
    CallResult r;
    {
      ReleaseGil released(ts, {RunState::Io, what});
      r = io_loop(c, op);
    }
    if (r.status != CallResult::Interrupted) return r;
    if (!handle_eval_breaker(ts)) return {CallResult::Failed, 0, 0};
  }
}

// Raises the exception for a result that is not Done (unless one is pending).
Value raise_call_error(ThreadState& ts, const CallResult& r) {
  if (r.status == CallResult::TimedOut) return raise(ts, ts.interp.types.TimeoutError, "timed out");
  if (r.err == 0) return Value::fail();  // KeyboardInterrupt, already raised
  return raise_os_error(ts, r.err);
}

// A closed socket's calls fail as the system call on fd -1 would.
bool check_open(ThreadState& ts, const SocketObj* s) {
  if (s->fd >= 0) return true;
  raise_os_error(ts, EBADF);
  return false;
}

// ---------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------

struct SockAddr {
  sockaddr_storage ss{};
  socklen_t len = 0;
  sockaddr* ptr() { return reinterpret_cast<sockaddr*>(&ss); }
};

// A host name to an IPv4 address. Numeric addresses and the special names
// need no lookup; other names go to getaddrinfo() with the GIL released.
// False with socket.gaierror pending when the name does not resolve.
bool resolve_ipv4(ThreadState& ts, Type* gaierror, const std::string& host, in_addr& out) {
  if (host.empty()) {
    out.s_addr = htonl(INADDR_ANY);
    return true;
  }
  if (host == "<broadcast>") {
    out.s_addr = htonl(INADDR_BROADCAST);
    return true;
  }
  if (host == "localhost") {
    out.s_addr = htonl(INADDR_LOOPBACK);
    return true;
  }
  if (::inet_pton(AF_INET, host.c_str(), &out) == 1) return true;
  addrinfo hints{};
  hints.ai_family = AF_INET;
  addrinfo* res = nullptr;
  int rc;
  {
    ReleaseGil released(ts, {RunState::Io, "getaddrinfo"});  // a DNS lookup can take seconds
    rc = ::getaddrinfo(host.c_str(), nullptr, &hints, &res);
  }
  if (rc != 0) {
    Value items[] = {Value::from_int(rc), new_str(ts, ::gai_strerror(rc))};
    return !raise(ts, new_exception(ts, gaierror, items)).is_fail();
  }
  out = reinterpret_cast<sockaddr_in*>(res->ai_addr)->sin_addr;
  ::freeaddrinfo(res);
  return true;
}

Type* gaierror_type(ThreadState& ts, SocketObj* s) {
  Value v = dict_get_cstr(ts.interp, s->type->dict, "_gaierror");
  Type* t = as_type(v);
  return t != nullptr ? t : ts.interp.types.OSError;
}

// Python's address argument to a sockaddr, per the socket's family.
// `caller` names the method in messages ("bind", "connect").
bool parse_address(ThreadState& ts, SocketObj* s, Value addr, const char* caller, SockAddr& out) {
  Interpreter& in = ts.interp;
  if (s->family == AF_UNIX) {
    std::string path;
    if (Str* p = as_str(addr)) {
      path = p->s;
    } else if (Bytes* b = as_bytes(addr)) {
      path = b->s;
    } else {
      raise_fmt(ts, in.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, addr));
      return false;
    }
    sockaddr_un un{};
    if (path.size() >= sizeof un.sun_path) {
      raise(ts, in.types.OSError, "AF_UNIX path too long");
      return false;
    }
    un.sun_family = AF_UNIX;
    std::memcpy(un.sun_path, path.data(), path.size());
    std::memcpy(&out.ss, &un, sizeof un);
    // An abstract-namespace name (leading NUL) has exactly its length.
    out.len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + path.size() +
                                     (!path.empty() && path[0] == '\0' ? 0 : 1));
    return true;
  }
  Tuple* t = as_tuple(addr);
  if (t == nullptr) {
    raise_fmt(ts, in.types.TypeError, "{}(): AF_INET address must be tuple, not {}", caller, type_name(ts, addr));
    return false;
  }
  if (t->items.size() != 2) {
    raise(ts, in.types.TypeError, "AF_INET address must be a pair (host, port)");
    return false;
  }
  std::string host;
  if (Str* h = as_str(t->items[0])) {
    host = h->s;
  } else if (Bytes* b = as_bytes(t->items[0])) {
    host = b->s;
  } else {
    raise_fmt(ts, in.types.TypeError, "str, bytes or bytearray expected, not {}", type_name(ts, t->items[0]));
    return false;
  }
  std::optional<std::int64_t> port;
  if (as_bigint(t->items[1]) == nullptr) {
    port = to_index(ts, t->items[1]);
    if (!port) return false;
  }
  if (!port || *port < 0 || *port > 65535) {
    raise_fmt(ts, in.types.OverflowError, "{}(): port must be 0-65535.", caller);
    return false;
  }
  sockaddr_in sin{};
  sin.sin_family = AF_INET;
  sin.sin_port = htons(static_cast<std::uint16_t>(*port));
  if (!resolve_ipv4(ts, gaierror_type(ts, s), host, sin.sin_addr)) return false;
  std::memcpy(&out.ss, &sin, sizeof sin);
  out.len = sizeof sin;
  return true;
}

// A sockaddr to Python: (host, port) for AF_INET, the path for AF_UNIX
// ('' when unnamed, bytes for an abstract name), as CPython's makesockaddr.
Value make_address(ThreadState& ts, const SockAddr& a) {
  if (a.len == 0) return Value::none();
  switch (a.ss.ss_family) {
    case AF_INET: {
      const auto* sin = reinterpret_cast<const sockaddr_in*>(&a.ss);
      char buf[INET_ADDRSTRLEN];
      ::inet_ntop(AF_INET, &sin->sin_addr, buf, sizeof buf);
      Value host = new_str(ts, buf);
      return obj(new_tuple(ts, {host, Value::from_int(ntohs(sin->sin_port))}));
    }
    case AF_UNIX: {
      const auto* un = reinterpret_cast<const sockaddr_un*>(&a.ss);
      std::size_t off = offsetof(sockaddr_un, sun_path);
      if (a.len <= off) return new_str(ts, "");
      std::size_t n = a.len - off;
      if (un->sun_path[0] == '\0') return new_bytes(ts, std::string(un->sun_path, n));
      return new_str(ts, std::string(un->sun_path, strnlen(un->sun_path, n)));
    }
    default:
      return obj(new_tuple(ts, {Value::from_int(a.ss.ss_family), new_bytes(ts, "")}));
  }
}

// ---------------------------------------------------------------------------
// Creating sockets
// ---------------------------------------------------------------------------

bool check_family(ThreadState& ts, int family) {
  if (family == AF_INET || family == AF_UNIX) return true;
  raise_fmt(ts, ts.interp.types.OSError,
            "gilvm's socket module supports AF_INET and AF_UNIX only, not address family {}", family);
  return false;
}

// Puts the descriptor in the blocking mode the timeout asks for.
bool apply_timeout(ThreadState& ts, SocketObj* s, double timeout) {
  const bool nonblocking = timeout >= 0;
  int flags = ::fcntl(s->fd, F_GETFL);
  if (flags < 0 ||
      ::fcntl(s->fd, F_SETFL, nonblocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK) < 0) {
    raise_os_error(ts, errno);
    return false;
  }
  s->timeout = timeout;
  return true;
}

SocketObj* new_socket(ThreadState& ts, Type* t, int fd, int family, int type, int proto) {
  SocketObj* s = ts.interp.heap.make<SocketObj>(t);
  s->fd = fd;
  s->family = family;
  s->sock_type = type;
  s->proto = proto;
  return s;
}

// socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)
Value socket_ctor(ThreadState& ts, Value self, const Args& a) {
  // A type's constructor is no table row: its signature is parsed on first use.
  static const MethodDef def{"socket", socket_ctor, "family=-1, type=-1, proto=-1, fileno=None", Style::Keywords};
  static const Signature sig = parse_signature(def, "socket");
  Value p[4];
  if (!bind_args(ts, sig, a, p)) return Value::fail();
  Value vf = p[0], vt = p[1], vp = p[2], vn = p[3];
  int family = -1, type = -1, proto = -1;
  if (!vf.is_null() && !vf.is_none() && !to_c_int(ts, vf, family)) return Value::fail();
  if (!vt.is_null() && !vt.is_none() && !to_c_int(ts, vt, type)) return Value::fail();
  if (!vp.is_null() && !vp.is_none() && !to_c_int(ts, vp, proto)) return Value::fail();
  int fd;
  if (!vn.is_null() && !vn.is_none()) {
    // Adopt an open descriptor; what it is comes from the kernel.
    if (!to_c_int(ts, vn, fd)) return Value::fail();
    if (fd < 0) return raise(ts, ts.interp.types.ValueError, "negative file descriptor");
    int v;
    socklen_t len = sizeof v;
    if (family == -1) {
      if (::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &v, &len) < 0) return raise_os_error(ts, errno);
      family = v;
    }
    if (type == -1) {
      len = sizeof v;
      if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len) < 0) return raise_os_error(ts, errno);
      type = v;
    }
    if (proto == -1) {
      len = sizeof v;
      if (::getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &v, &len) < 0) return raise_os_error(ts, errno);
      proto = v;
    }
    if (!check_family(ts, family)) return Value::fail();
  } else {
    if (family == -1) family = AF_INET;
    if (type == -1) type = SOCK_STREAM;
    if (proto == -1) proto = 0;
    if (!check_family(ts, family)) return Value::fail();
    fd = ::socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) return raise_os_error(ts, errno);
  }
  return obj(new_socket(ts, as_type(self), fd, family, type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC), proto));
}

// socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0): two connected sockets.
// The module's function; its `data` is the socket type.
Value t_socketpair(ThreadState& ts, Value self, const Args& a) {
  Value vf = a[0], vt = a[1], vp = a[2];
  int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
  if (!vf.is_null() && !vf.is_none() && !to_c_int(ts, vf, family)) return Value::fail();
  if (!vt.is_null() && !vt.is_none() && !to_c_int(ts, vt, type)) return Value::fail();
  if (!vp.is_null() && !vp.is_none() && !to_c_int(ts, vp, proto)) return Value::fail();
  if (!check_family(ts, family)) return Value::fail();
  int fds[2];
  if (::socketpair(family, type | SOCK_CLOEXEC, proto, fds) < 0) return raise_os_error(ts, errno);
  Type* t = as_type(self);
  type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
  SocketObj* s1 = new_socket(ts, t, fds[0], family, type, proto);
  TempRoot r1(ts, obj(s1));
  SocketObj* s2 = new_socket(ts, t, fds[1], family, type, proto);
  TempRoot r2(ts, obj(s2));
  return obj(new_tuple(ts, {obj(s1), obj(s2)}));
}

// ---------------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------------

#define GILVM_SELF()                \
  SocketObj* s = as_socket(ts, self); \
  if (s == nullptr) return Value::fail();

Value sock_bind(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  SockAddr addr;
  if (!parse_address(ts, s, a[0], "bind", addr)) return Value::fail();
  if (!check_open(ts, s)) return Value::fail();
  if (::bind(s->fd, addr.ptr(), addr.len) < 0) return raise_os_error(ts, errno);
  return Value::none();
}

Value sock_listen(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  int backlog = kDefaultBacklog;
  if (!a[0].is_null() && !to_c_int(ts, a[0], backlog)) return Value::fail();
  if (backlog < 0) backlog = 0;
  if (::listen(s->fd, backlog) < 0) return raise_os_error(ts, errno);
  return Value::none();
}

// accept() -> (socket, address). The new socket is blocking (timeout None).
Value sock_accept(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  if (!check_open(ts, s)) return Value::fail();
  CallSpec c = make_spec(ts, s, false, deadline_after(s->timeout));
  SockAddr peer;
  CallResult r = sock_call(ts, c, "socket.accept", [&]() -> ssize_t {
    peer.len = sizeof peer.ss;
    return ::accept4(c.fd, peer.ptr(), &peer.len, SOCK_CLOEXEC);
  });
  if (r.status != CallResult::Done) return raise_call_error(ts, r);
  SocketObj* conn = new_socket(ts, s->type, static_cast<int>(r.n), s->family, s->sock_type, s->proto);
  TempRoot root(ts, obj(conn));
  Value addr = make_address(ts, peer);
  TempRoot aroot(ts, addr);
  return obj(new_tuple(ts, {obj(conn), addr}));
}

// CPython's internal_connect: 0 when connected, else an errno value; a
// timeout is ETIMEDOUT-like (EWOULDBLOCK, as CPython's connect_ex reports
// it) with `timed_out` set; -1 with an exception pending (KeyboardInterrupt).
int do_connect(ThreadState& ts, SocketObj* s, const SockAddr& addr, bool& timed_out) {
  timed_out = false;
  CallSpec c = make_spec(ts, s, true, deadline_after(s->timeout));
  int err;
  {
    ReleaseGil released(ts, {RunState::Io, "socket.connect"});
    err = ::connect(c.fd, reinterpret_cast<const sockaddr*>(&addr.ss), addr.len) < 0 ? errno : 0;
  }
  if (err == 0) return 0;
  bool wait;
  if (err == EINTR) {
    if (!handle_eval_breaker(ts)) return -1;
    wait = c.timeout != 0;  // the connection goes on: wait for it
  } else {
    wait = c.timeout > 0 && err == EINPROGRESS;
  }
  if (!wait) return err;
  c.connect = true;
  CallResult r = sock_call(ts, c, "socket.connect", [&]() -> ssize_t {
    int soerr = 0;
    socklen_t len = sizeof soerr;
    if (::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0) return -1;
    if (soerr == 0 || soerr == EISCONN) return 0;
    errno = soerr;
    return -1;
  });
  switch (r.status) {
    case CallResult::Done: return 0;
    case CallResult::TimedOut: timed_out = true; return EWOULDBLOCK;
    default: return r.err == 0 ? -1 : r.err;
  }
}

Value sock_connect(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  SockAddr addr;
  if (!parse_address(ts, s, a[0], "connect", addr)) return Value::fail();
  if (!check_open(ts, s)) return Value::fail();
  bool timed_out;
  int err = do_connect(ts, s, addr, timed_out);
  if (err < 0) return Value::fail();
  if (timed_out) return raise(ts, ts.interp.types.TimeoutError, "timed out");
  if (err != 0) return raise_os_error(ts, err);
  return Value::none();
}

// connect_ex(address): the errno value instead of an exception (0: connected).
Value sock_connect_ex(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  SockAddr addr;
  if (!parse_address(ts, s, a[0], "connect_ex", addr)) return Value::fail();
  if (s->fd < 0) return Value::from_int(EBADF);
  bool timed_out;
  int err = do_connect(ts, s, addr, timed_out);
  if (err < 0) return Value::fail();
  return Value::from_int(err);
}

// The optional flags argument of send/sendall/recv.
bool flags_arg(ThreadState& ts, const Args& a, std::size_t i, int& flags) {
  flags = 0;
  return a[i].is_null() || to_c_int(ts, a[i], flags);
}

Bytes* data_arg(ThreadState& ts, Value v) {
  Bytes* b = as_bytes(v);
  if (b == nullptr)
    raise_fmt(ts, ts.interp.types.TypeError, "a bytes-like object is required, not '{}'", type_name(ts, v));
  return b;
}

// send(data[, flags]) -> the number of bytes sent (maybe fewer than len(data)).
Value sock_send(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  Bytes* b = data_arg(ts, a[0]);
  int flags;
  if (b == nullptr || !flags_arg(ts, a, 1, flags)) return Value::fail();
  if (!check_open(ts, s)) return Value::fail();
  std::string data = b->s;  // copied out: the GIL is released below
  CallSpec c = make_spec(ts, s, true, deadline_after(s->timeout));
  CallResult r = sock_call(ts, c, "socket.send", [&]() -> ssize_t {
    return ::send(c.fd, data.data(), data.size(), flags | MSG_NOSIGNAL);
  });
  if (r.status != CallResult::Done) return raise_call_error(ts, r);
  return Value::from_int(static_cast<std::int64_t>(r.n));
}

// sendall(data[, flags]): sends everything, or raises; one deadline for all.
Value sock_sendall(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  Bytes* b = data_arg(ts, a[0]);
  int flags;
  if (b == nullptr || !flags_arg(ts, a, 1, flags)) return Value::fail();
  if (!check_open(ts, s)) return Value::fail();
  std::string data = b->s;
  CallSpec c = make_spec(ts, s, true, deadline_after(s->timeout));
  std::size_t off = 0;
  while (off < data.size()) {
    CallResult r = sock_call(ts, c, "socket.sendall", [&]() -> ssize_t {
      return ::send(c.fd, data.data() + off, data.size() - off, flags | MSG_NOSIGNAL);
    });
    if (r.status != CallResult::Done) return raise_call_error(ts, r);
    off += static_cast<std::size_t>(r.n);
  }
  return Value::none();
}

// recv(bufsize[, flags]) -> at most bufsize bytes; b"" when the peer closed.
Value sock_recv(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  int flags;
  auto n = to_index(ts, a[0]);
  if (!n || !flags_arg(ts, a, 1, flags)) return Value::fail();
  if (*n < 0) return raise(ts, ts.interp.types.ValueError, "negative buffersize in recv");
  if (!check_open(ts, s)) return Value::fail();
  // Uninitialised, as CPython's: recv(1 << 30) must not touch a gigabyte.
  const auto size = static_cast<std::size_t>(*n);
  std::unique_ptr<char[]> buf(new (std::nothrow) char[size]);
  if (buf == nullptr) return raise(ts, new_exception(ts, ts.interp.types.MemoryError, {}));
  CallSpec c = make_spec(ts, s, false, deadline_after(s->timeout));
  CallResult r = sock_call(ts, c, "socket.recv", [&]() -> ssize_t { return ::recv(c.fd, buf.get(), size, flags); });
  if (r.status != CallResult::Done) return raise_call_error(ts, r);
  return new_bytes(ts, std::string(buf.get(), static_cast<std::size_t>(r.n)));
}

// close(): closing twice is allowed; ECONNRESET from close() is not an error.
Value sock_close(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  int fd = s->fd;
  if (fd < 0) return Value::none();
  s->fd = -1;
  int err;
  {
    ReleaseGil released(ts, {RunState::Io, "socket.close"});  // close() may linger
    err = ::close(fd) < 0 ? errno : 0;
  }
  if (err != 0 && err != ECONNRESET && err != EINTR) return raise_os_error(ts, err);
  return Value::none();
}

// detach(): gives up the descriptor without closing it.
Value sock_detach(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  int fd = s->fd;
  s->fd = -1;
  return Value::from_int(fd);
}

Value sock_shutdown(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  int how;
  if (!to_c_int(ts, a[0], how)) return Value::fail();
  if (::shutdown(s->fd, how) < 0) return raise_os_error(ts, errno);
  return Value::none();
}

// A timeout argument: None -> -1, else a non-negative number of seconds.
bool timeout_arg(ThreadState& ts, Value v, double& out) {
  if (v.is_none()) {
    out = -1;
    return true;
  }
  if (!v.is_float() && !is_int_like(v)) {
    raise_fmt(ts, ts.interp.types.TypeError, "'{}' object cannot be interpreted as an integer",
              type_name(ts, v));
    return false;
  }
  auto d = to_double(ts, v);
  if (!d) return false;
  if (std::isnan(*d)) {
    raise(ts, ts.interp.types.ValueError, "Invalid value NaN (not a number)");
    return false;
  }
  if (*d < 0) {
    raise(ts, ts.interp.types.ValueError, "Timeout value out of range");
    return false;
  }
  if (*d > 9.2e9) {  // CPython keeps timeouts as int64 nanoseconds (_PyTime_t)
    raise(ts, ts.interp.types.OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  out = *d;
  return true;
}

Value sock_settimeout(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  double t;
  if (!timeout_arg(ts, a[0], t) || !apply_timeout(ts, s, t)) return Value::fail();
  return Value::none();
}

Value timeout_value(const SocketObj* s) {
  return s->timeout < 0 ? Value::none() : Value::from_float(s->timeout);
}

Value sock_gettimeout(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  return timeout_value(s);
}

// setblocking(flag): settimeout(None) or settimeout(0.0).
Value sock_setblocking(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  int b = truthy(ts, a[0]);
  if (b < 0 || !apply_timeout(ts, s, b ? -1.0 : 0.0)) return Value::fail();
  return Value::none();
}

Value sock_getblocking(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  return Value::from_bool(s->timeout != 0);
}

// setsockopt(level, optname, value): value an int or a bytes buffer.
Value sock_setsockopt(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  int level, opt;
  if (!to_c_int(ts, a[0], level) || !to_c_int(ts, a[1], opt)) return Value::fail();
  int rc;
  if (Bytes* b = as_bytes(a[2])) {
    rc = ::setsockopt(s->fd, level, opt, b->s.data(), static_cast<socklen_t>(b->s.size()));
  } else {
    int v;
    if (!to_c_int(ts, a[2], v)) return Value::fail();
    rc = ::setsockopt(s->fd, level, opt, &v, sizeof v);
  }
  if (rc < 0) return raise_os_error(ts, errno);
  return Value::none();
}

// getsockopt(level, optname[, buflen]): an int, or buflen bytes.
Value sock_getsockopt(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  int level, opt;
  if (!to_c_int(ts, a[0], level) || !to_c_int(ts, a[1], opt)) return Value::fail();
  if (!a[2].is_null()) {
    int buflen;
    if (!to_c_int(ts, a[2], buflen)) return Value::fail();
    if (buflen <= 0 || buflen > 1024) return raise(ts, ts.interp.types.OSError, "getsockopt buflen out of range");
    std::string buf(static_cast<std::size_t>(buflen), '\0');
    socklen_t len = static_cast<socklen_t>(buflen);
    if (::getsockopt(s->fd, level, opt, buf.data(), &len) < 0) return raise_os_error(ts, errno);
    buf.resize(len);
    return new_bytes(ts, std::move(buf));
  }
  int v = 0;
  socklen_t len = sizeof v;
  if (::getsockopt(s->fd, level, opt, &v, &len) < 0) return raise_os_error(ts, errno);
  return Value::from_int(v);
}

Value sock_getsockname(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  SockAddr addr;
  addr.len = sizeof addr.ss;
  if (::getsockname(s->fd, addr.ptr(), &addr.len) < 0) return raise_os_error(ts, errno);
  return make_address(ts, addr);
}

Value sock_getpeername(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  SockAddr addr;
  addr.len = sizeof addr.ss;
  if (::getpeername(s->fd, addr.ptr(), &addr.len) < 0) return raise_os_error(ts, errno);
  return make_address(ts, addr);
}

Value sock_fileno(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  return Value::from_int(s->fd);
}

Value sock_enter(ThreadState& ts, Value self, const Args& a) {
  GILVM_SELF()
  return self;
}

Value sock_exit(ThreadState& ts, Value self, const Args& a) {
  if (as_socket(ts, self) == nullptr) return Value::fail();
  Args none{};
  Value r = sock_close(ts, self, none);
  return r.is_fail() ? r : Value::none();
}

// Lib/socket.py's repr: <socket.socket fd=3, family=2, type=1, proto=0,
// laddr=..., raddr=...> (the numbers where CPython prints enum names).
Value sock_repr(ThreadState& ts, Value self, const Args& a) {
  SocketObj* s = as_socket(ts, self);
  if (s == nullptr) return Value::fail();
  std::string text = fmt::format("<socket.socket{} fd={}, family={}, type={}, proto={}",
                                 s->fd < 0 ? " [closed]" : "", s->fd, s->family, s->sock_type, s->proto);
  if (s->fd >= 0) {
    for (auto [label, get] : {std::pair{"laddr", &::getsockname}, std::pair{"raddr", &::getpeername}}) {
      SockAddr addr;
      addr.len = sizeof addr.ss;
      if (get(s->fd, addr.ptr(), &addr.len) < 0) continue;
      Value v = make_address(ts, addr);
      if (v.is_fail()) return v;
      Str* sv = as_str(v);
      if (sv != nullptr && sv->s.empty()) continue;  // unnamed: CPython skips a false address
      auto r = str_string(ts, v);
      if (!r) return Value::fail();
      text += fmt::format(", {}={}", label, *r);
    }
  }
  text += ">";
  return new_str(ts, std::move(text));
}

#undef GILVM_SELF

// The read-only attributes family, type, proto and timeout (properties
// whose getter is a plain native: called with the socket as its argument).
#define GILVM_GETTER(fn, expr)                                            \
  Value fn(ThreadState& ts, Value self, const Args& a) {                  \
    if (!check_args(ts, a, #fn, 1, 1)) return Value::fail();              \
    SocketObj* s = as_socket(ts, a[0]);                                   \
    if (s == nullptr) return Value::fail();                               \
    return expr;                                                          \
  }
GILVM_GETTER(get_family, Value::from_int(s->family))
GILVM_GETTER(get_type, Value::from_int(s->sock_type))
GILVM_GETTER(get_proto, Value::from_int(s->proto))
GILVM_GETTER(get_timeout, timeout_value(s))
#undef GILVM_GETTER

const MethodDef kSocketMethods[] = {
    {"bind", sock_bind, "address, /", Style::One, Access::Mutates},
    {"listen", sock_listen, "backlog=SOMAXCONN, /", Style::Getargs, Access::Mutates},
    {"accept", sock_accept, "", Style::NoArgs},
    {"connect", sock_connect, "address, /", Style::One, Access::Mutates},
    {"connect_ex", sock_connect_ex, "address, /", Style::One, Access::Mutates},
    {"send", sock_send, "data, flags=0, /", Style::Getargs},
    {"sendall", sock_sendall, "data, flags=0, /", Style::Getargs},
    {"recv", sock_recv, "bufsize, flags=0, /", Style::Getargs},
    {"close", sock_close, "", Style::NoArgs, Access::Mutates},
    {"detach", sock_detach, "", Style::NoArgs, Access::Mutates},
    {"shutdown", sock_shutdown, "how, /", Style::One},
    {"settimeout", sock_settimeout, "timeout, /", Style::One, Access::Mutates},
    {"gettimeout", sock_gettimeout, "", Style::NoArgs},
    {"setblocking", sock_setblocking, "flag, /", Style::One, Access::Mutates},
    {"getblocking", sock_getblocking, "", Style::NoArgs},
    {"setsockopt", sock_setsockopt, "level, optname, value, /", Style::Getargs, Access::Mutates},
    {"getsockopt", sock_getsockopt, "level, optname, buflen=0, /", Style::Getargs},
    {"getsockname", sock_getsockname, "", Style::NoArgs},
    {"getpeername", sock_getpeername, "", Style::NoArgs},
    {"fileno", sock_fileno, "", Style::NoArgs},
    {"__enter__", sock_enter, "", Style::NoArgs},
    {"__exit__", sock_exit},
    {"__repr__", sock_repr},
};

const MethodDef kSocketProperties[] = {
    {"family", get_family},
    {"type", get_type},
    {"proto", get_proto},
    {"timeout", get_timeout},
};

// The module's functions; socketpair's Native carries the socket type as `self`.
const MethodDef kSocketFunctions[] = {
    {"socketpair", t_socketpair, "family=AF_UNIX, type=SOCK_STREAM, proto=0", Style::Keywords},
};

// The module's integer constants (Linux values, from the system headers).
struct IntConstant {
  const char* name;
  int value;
};
constexpr IntConstant kConstants[] = {
    {"AF_UNIX", AF_UNIX},
    {"AF_INET", AF_INET},
    {"SOCK_STREAM", SOCK_STREAM},
    {"SOCK_DGRAM", SOCK_DGRAM},
    {"SOL_SOCKET", SOL_SOCKET},
    {"SO_REUSEADDR", SO_REUSEADDR},
    {"SO_KEEPALIVE", SO_KEEPALIVE},
    {"SO_LINGER", SO_LINGER},
    {"SO_SNDBUF", SO_SNDBUF},
    {"SO_RCVBUF", SO_RCVBUF},
    {"SO_ERROR", SO_ERROR},
    {"SO_TYPE", SO_TYPE},
    {"IPPROTO_TCP", IPPROTO_TCP},
    {"TCP_NODELAY", TCP_NODELAY},
    {"SOMAXCONN", SOMAXCONN},
    {"SHUT_RD", SHUT_RD},
    {"SHUT_WR", SHUT_WR},
    {"SHUT_RDWR", SHUT_RDWR},
    {"MSG_PEEK", MSG_PEEK},
    {"MSG_DONTWAIT", MSG_DONTWAIT},
};

}  // namespace

bool init_socket_module(ThreadState& ts, Dict* d) {
  Interpreter& in = ts.interp;
  Str* modname = in.intern("socket");
  Type* t = make_builtin_type(in, "socket", in.types.object, Kind::Opaque);
  t->module_name = obj(modname);
  t->ctor = socket_ctor;
  add_methods(in, t, kSocketMethods);
  for (const MethodDef& p : kSocketProperties) {
    Native* getter = new_native(ts, p.fn, p.name);
    Wrapper* prop = in.heap.make<Wrapper>(in.types.property, Kind::Property, obj(getter));
    dict_set_cstr(in, t->dict, p.name, obj(prop));
  }
  // socket.gaierror: an OSError for getaddrinfo() failures ([Errno -2] ...).
  Type* gai = make_builtin_type(in, "gaierror", in.types.OSError, Kind::Exception);
  gai->ctor = in.types.OSError->ctor;
  gai->module_name = obj(modname);
  gai->builtin = false;  // printed as socket.gaierror, like a class defined in Python
  dict_set_cstr(in, t->dict, "_gaierror", obj(gai));  // for resolve_ipv4

  dict_set_cstr(in, d, "socket", obj(t));
  dict_set_cstr(in, d, "SocketType", obj(t));
  add_functions(in, d, kSocketFunctions);
  static_cast<Native*>(dict_get_cstr(in, d, "socketpair").as_obj())->self = obj(t);
  dict_set_cstr(in, d, "error", obj(in.types.OSError));
  dict_set_cstr(in, d, "timeout", obj(in.types.TimeoutError));
  dict_set_cstr(in, d, "gaierror", obj(gai));
  for (const IntConstant& c : kConstants) dict_set_cstr(in, d, c.name, Value::from_int(c.value));
  return true;
}

}  // namespace gilvm
