# Bad addresses are refused with CPython's messages.
import socket

s = socket.socket()
for addr in ["127.0.0.1", ("127.0.0.1",), (80, 80), ("127.0.0.1", 70000), ("127.0.0.1", "80")]:
    try:
        s.bind(addr)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
# expect: TypeError bind(): AF_INET address must be tuple, not str
# expect: TypeError AF_INET address must be a pair (host, port)
# expect: TypeError str, bytes or bytearray expected, not int
# expect: OverflowError bind(): port must be 0-65535.
# expect: TypeError 'str' object cannot be interpreted as an integer
try:
    s.recv(-1)
except ValueError as e:
    print(e)  # expect: negative buffersize in recv
try:
    s.send("text")
except TypeError as e:
    print(e)  # expect: a bytes-like object is required, not 'str'
s.close()
