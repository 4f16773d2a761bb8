# Connecting to a port nobody listens on raises ConnectionRefusedError;
# connect_ex returns the errno instead.
import socket

probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()  # bound, never listening, now closed: the port refuses

c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e)  # expect: ConnectionRefusedError 111 [Errno 111] Connection refused
    print(isinstance(e, ConnectionError))  # expect: True
c.close()
c = socket.socket()
print(c.connect_ex(("127.0.0.1", port)))  # expect: 111
c.close()
