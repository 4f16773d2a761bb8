# socket methods called with a wrong argument count or a keyword raise CPython's TypeErrors.
import socket

s = socket.socket()
attempts = [
    ("bind()", lambda: s.bind()),
    ("listen(1, 2)", lambda: s.listen(1, 2)),
    ("listen(backlog=1)", lambda: s.listen(backlog=1)),
    ("send()", lambda: s.send()),
    ("recv(1, 2, 3)", lambda: s.recv(1, 2, 3)),
    ("setsockopt(1, 2)", lambda: s.setsockopt(1, 2)),
    ("getsockopt(1)", lambda: s.getsockopt(1)),
    ("getsockopt(1, 2, 3, 4)", lambda: s.getsockopt(1, 2, 3, 4)),
    ("settimeout()", lambda: s.settimeout()),
    ("fileno(1)", lambda: s.fileno(1)),
]
for label, call in attempts:
    try:
        call()
        print(label, "accepted")
    except TypeError as e:
        print(label, "->", e)
s.listen()
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
s.close()
# expect: bind() -> socket.bind() takes exactly one argument (0 given)
# expect: listen(1, 2) -> listen() takes at most 1 argument (2 given)
# expect: listen(backlog=1) -> socket.listen() takes no keyword arguments
# expect: send() -> send() takes at least 1 argument (0 given)
# expect: recv(1, 2, 3) -> recv() takes at most 2 arguments (3 given)
# expect: setsockopt(1, 2) -> setsockopt() takes exactly 3 arguments (2 given)
# expect: getsockopt(1) -> getsockopt() takes at least 2 arguments (1 given)
# expect: getsockopt(1, 2, 3, 4) -> getsockopt() takes at most 3 arguments (4 given)
# expect: settimeout() -> socket.settimeout() takes exactly one argument (0 given)
# expect: fileno(1) -> socket.fileno() takes no arguments (1 given)
# expect: True
