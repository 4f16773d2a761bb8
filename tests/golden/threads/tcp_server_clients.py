# A TCP server thread on a kernel-chosen port accepts several clients, each
# served by its own thread; the clients run concurrently and each gets its
# own reply. Output is sorted: the order of service varies.
import socket
import threading

NCLIENTS = 5
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]

def handle(conn):
    with conn:
        data = b""
        while not data.endswith(b"\n"):
            chunk = conn.recv(100)
            if not chunk:
                break
            data += chunk
        conn.sendall(b"hello " + data.strip() + b"\n")

def serve():
    handlers = []
    for _ in range(NCLIENTS):
        conn, addr = srv.accept()
        assert addr[0] == "127.0.0.1"
        h = threading.Thread(target=handle, args=(conn,))
        h.start()
        handlers.append(h)
    for h in handlers:
        h.join()

replies = []
def client(i):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as c:
        c.connect(("127.0.0.1", port))
        c.sendall(("client" + str(i) + "\n").encode())
        data = b""
        while not data.endswith(b"\n"):
            chunk = c.recv(100)
            if not chunk:
                break
            data += chunk
        replies.append(data.decode().strip())

server = threading.Thread(target=serve)
server.start()
clients = [threading.Thread(target=client, args=(i,)) for i in range(NCLIENTS)]
for t in clients:
    t.start()
for t in clients:
    t.join()
server.join()
srv.close()
print(len(replies))  # expect: 5
for r in sorted(replies):
    print(r)
# expect: hello client0
# expect: hello client1
# expect: hello client2
# expect: hello client3
# expect: hello client4
