# CPU throughput with N threads (ccbench's "throughput" part): N threads
# repeat the same pure-Python chunk for DURATION seconds; prints the chunks
# done per second. The driver compares it with N = 1.
#   usage: throughput.py N
import sys
import time

from _cpu import start_spinners

DURATION = 1.0

nthreads = int(sys.argv[1])
start = time.perf_counter()
stop, threads, counts = start_spinners(nthreads)
time.sleep(DURATION)
stop.set()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start
print(f"result {sum(counts) / elapsed:.1f}")
