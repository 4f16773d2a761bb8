# socketpair: two connected AF_UNIX stream sockets; data flows both ways,
# and recv returns b"" once the peer has closed.
import socket

a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.proto)  # expect: True True 0
print(repr(a.getsockname()), a.gettimeout())  # expect: '' None
print(a.send(b"ping"))  # expect: 4
print(b.recv(100))  # expect: b'ping'
b.sendall(b"pong" * 3)
print(a.recv(4), a.recv(100))  # expect: b'pong' b'pongpong'
b.close()
print(a.recv(10))  # expect: b''
print(a.recv(10))  # expect: b''
a.close()
