# The same CPU-bound work (ROUNDS chunks of _cpu.chunk) done by N processes
# (fork), each taking ROUNDS / N chunks: prints the wall time in seconds.
# Processes have a GIL each, so on 2 cores 2 processes should take about half
# the time of 1 (a speedup near 2x; threads would give about 1x).
#   usage: process_speedup.py N
import multiprocessing as mp
import sys
import time

from _cpu import chunk

ROUNDS = 3000


def part(n, out, slot):
    total = 0
    for _ in range(n):
        total += chunk()
    out[slot] = total


if __name__ == "__main__":
    n = int(sys.argv[1])
    out = mp.Array("q", n)
    start = time.perf_counter()
    procs = [mp.Process(target=part, args=(ROUNDS // n, out, k)) for k in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    secs = time.perf_counter() - start
    assert sum(out[:]) == ROUNDS * chunk(), "the processes computed something else"
    print(f"result {secs:.4f}")
