# The cost of starting and joining a process that does nothing, with the
# given start method (fork or spawn): prints the mean, in milliseconds, over
# N processes started one after the other. Compare with thread_start.py.
#   usage: process_start.py METHOD N
import multiprocessing as mp
import sys
import time


def nothing():
    pass


if __name__ == "__main__":
    ctx = mp.get_context(sys.argv[1])
    n = int(sys.argv[2])
    start = time.perf_counter()
    for _ in range(n):
        p = ctx.Process(target=nothing)
        p.start()
        p.join()
        assert p.exitcode == 0
    print(f"result {(time.perf_counter() - start) / n * 1000:.4f}")
