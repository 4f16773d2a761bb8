# A thread blocked in recv wakes when the peer closes (recv returns b"") or
# resets the connection (ConnectionResetError); a timed accept in a thread
# times out with TimeoutError while the main thread carries on.
import socket
import threading
import time

results = {}

def reader(name, sock):
    try:
        results[name] = sock.recv(100)
    except OSError as e:
        results[name] = type(e).__name__ + " " + str(e.errno)

# Peer closes: b"".
a, b = socket.socketpair()
t = threading.Thread(target=reader, args=("closed", a))
t.start()
time.sleep(0.05)
b.close()
t.join()
a.close()

# Peer resets (SO_LINGER with a zero timeout makes close() send RST).
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
cli = socket.socket()
cli.connect(srv.getsockname())
conn, _ = srv.accept()
t = threading.Thread(target=reader, args=("reset", cli))
t.start()
time.sleep(0.05)
conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, (1).to_bytes(4, "little") + (0).to_bytes(4, "little"))
conn.close()
t.join()
cli.close()

# A timed accept nobody connects to.
def waiter():
    srv.settimeout(0.05)
    try:
        srv.accept()
    except TimeoutError as e:
        results["accept"] = str(e)
t = threading.Thread(target=waiter)
t.start()
t.join()
srv.close()
print(sorted(results.items()))
# expect: [('accept', 'timed out'), ('closed', b''), ('reset', 'ConnectionResetError 104')]
