# `with socket...` closes the socket; a closed socket's calls raise
# OSError EBADF as in CPython, fileno() is -1 and close() may be repeated.
import socket

with socket.socket() as s:
    print(s.fileno() >= 0, s.family == socket.AF_INET)  # expect: True True
print(s.fileno())  # expect: -1
s.close()
for what, call in [("recv", lambda: s.recv(1)), ("send", lambda: s.send(b"x")),
                   ("getsockname", s.getsockname), ("bind", lambda: s.bind(("127.0.0.1", 0)))]:
    try:
        call()
    except OSError as e:
        print(what, type(e).__name__, e)
# expect: recv OSError [Errno 9] Bad file descriptor
# expect: send OSError [Errno 9] Bad file descriptor
# expect: getsockname OSError [Errno 9] Bad file descriptor
# expect: bind OSError [Errno 9] Bad file descriptor
a, b = socket.socketpair()
with a, b:
    a.sendall(b"in with")
    print(b.recv(100))  # expect: b'in with'
print(a.fileno(), b.fileno())  # expect: -1 -1
print(repr(a))  # expect: <socket.socket [closed] fd=-1, family=1, type=1, proto=0>
