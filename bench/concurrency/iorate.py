# IO round trips per second of one thread while N CPU-bound threads run
# (ccbench's "bandwidth" part, with small messages): the thread sends a few
# bytes to an echo server in the driver process and waits for them to come
# back, as often as it can for DURATION seconds.
#   usage: iorate.py N PORT
import socket
import sys
import threading
import time

from _cpu import start_spinners

DURATION = 1.0

nthreads = int(sys.argv[1])
port = int(sys.argv[2])
trips = [0]


def ping():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(("127.0.0.1", port))
    n = 0
    deadline = time.perf_counter() + DURATION
    while time.perf_counter() < deadline:
        sock.sendall(b"x" * 16)
        got = 0
        while got < 16:
            got = got + len(sock.recv(64))
        n = n + 1
    sock.close()
    trips[0] = n


stop, threads, counts = start_spinners(nthreads)
pinger = threading.Thread(target=ping)
start = time.perf_counter()
pinger.start()
pinger.join()
elapsed = time.perf_counter() - start
stop.set()
for t in threads:
    t.join()
print(f"result {trips[0] / elapsed:.1f}")
