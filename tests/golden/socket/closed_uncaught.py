# Using a closed socket, uncaught: the traceback ends as CPython's does.
import socket

a, b = socket.socketpair()
a.close()
b.close()
print("closed")  # expect: closed
a.sendall(b"x")
# error: OSError: [Errno 9] Bad file descriptor
