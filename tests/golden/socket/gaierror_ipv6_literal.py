# An IPv6 literal on an AF_INET socket does not resolve: socket.gaierror,
# an OSError with getaddrinfo's (negative) error code.
import socket

s = socket.socket()
try:
    s.connect(("::1", 80))
except socket.gaierror as e:
    print(type(e).__name__, e.errno, isinstance(e, OSError))  # expect: gaierror -9 True
    print(e)  # expect: [Errno -9] Address family for hostname not supported
s.close()
print(socket.gaierror.__module__, issubclass(socket.gaierror, OSError))  # expect: socket True
