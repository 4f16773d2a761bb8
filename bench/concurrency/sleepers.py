# N threads that each sleep 0.2 s: with the GIL released during sleep they all
# overlap, so the wall time should stay near 0.2 s. Prints the wall time.
#   usage: sleepers.py N
import sys
import threading
import time

nthreads = int(sys.argv[1])
start = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(nthreads)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"result {time.perf_counter() - start:.4f}")
