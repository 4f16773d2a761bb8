# Reply latency of a socket responder thread while N CPU-bound threads run
# (ccbench's "latency" part). This program answers; the driver, a separate
# process, sends the pings and times the replies, so its own clock is not
# behind any GIL.
#   usage: latency.py N      prints "port P", then serves one connection
import socket
import sys
import threading

from _cpu import start_spinners

nthreads = int(sys.argv[1])
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(1)


def respond():
    conn, _ = server.accept()
    while True:
        data = conn.recv(64)
        if not data:
            break
        conn.sendall(data)
    conn.close()


responder = threading.Thread(target=respond)
responder.start()
stop, threads, counts = start_spinners(nthreads)
print(f"port {server.getsockname()[1]}", flush=True)
responder.join()
stop.set()
for t in threads:
    t.join()
server.close()
