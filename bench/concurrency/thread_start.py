# The cost of starting and joining a thread that does nothing: prints the
# mean, in milliseconds, over N threads started one after the other.
#   usage: thread_start.py N
import sys
import threading
import time


def nothing():
    pass


n = int(sys.argv[1])
start = time.perf_counter()
for _ in range(n):
    t = threading.Thread(target=nothing)
    t.start()
    t.join()
print(f"result {(time.perf_counter() - start) / n * 1000:.4f}")
