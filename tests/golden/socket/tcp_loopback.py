# A TCP server on a port the kernel picks (port 0), found with getsockname;
# a client connects, and each side sees the other's address.
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)  # expect: True
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print(host, 0 < port < 65536)  # expect: 127.0.0.1 True

cli = socket.socket()
cli.connect(("localhost", port))
conn, addr = srv.accept()
print(addr == cli.getsockname(), conn.getpeername() == cli.getsockname())  # expect: True True
print(cli.getpeername() == (host, port))  # expect: True
print(conn.gettimeout(), conn.family == socket.AF_INET)  # expect: None True
cli.sendall(b"x" * 10000)
got = b""
while len(got) < 10000:
    got += conn.recv(4096)
print(len(got), set(got) == {ord("x")})  # expect: 10000 True
conn.shutdown(socket.SHUT_WR)
print(cli.recv(10))  # expect: b''
for s in (conn, cli, srv):
    s.close()
