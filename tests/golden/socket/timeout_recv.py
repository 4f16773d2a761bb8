# settimeout: recv with nobody sending raises TimeoutError ("timed out")
# after the timeout; socket.timeout is TimeoutError (Python 3.10+);
# setblocking(False) makes it BlockingIOError at once.
import socket
import time

a, b = socket.socketpair()
a.settimeout(0.05)
print(a.gettimeout(), a.timeout, a.getblocking())  # expect: 0.05 0.05 True
start = time.monotonic()
try:
    a.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e, e.errno)  # expect: TimeoutError timed out None
print(time.monotonic() - start >= 0.04)  # expect: True
print(socket.timeout is TimeoutError)  # expect: True
b.send(b"late")
print(a.recv(10))  # expect: b'late'

a.setblocking(False)
print(a.gettimeout(), a.getblocking())  # expect: 0.0 False
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)  # expect: BlockingIOError 11
a.settimeout(None)
print(a.gettimeout(), a.getblocking())  # expect: None True
for bad in (-1, "x"):
    try:
        a.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
# expect: ValueError Timeout value out of range
# expect: TypeError 'str' object cannot be interpreted as an integer
a.close()
b.close()
