# Claim: processes DO speed up pure-Python CPU-bound work, where threads do
# not. Each process is a separate interpreter with its own GIL, so two
# processes run bytecode at the same moment on two cores; two threads of one
# process take turns on one GIL (01_cpu_bound_threads.py).
#
# How to read the output: the same total work (4 chunks) is done three ways
# -- sequentially, by 2 threads and by 2 processes (2 chunks each). Each line
# gives the wall time (best of 3 rounds) and the speedup over the sequential
# time: near 1.0x for threads, near the number of cores (up to 2.0x) for
# processes, a little less because starting a process and collecting its
# result cost something (08_process_costs.py measures that). The processes
# send their results back through shared memory (multiprocessing.Array), and
# every run checks that the results match. Under gilvm, the GIL's figures
# follow: with threads, forced switches and waiting; with processes, the
# parent's GIL idle while it is blocked in "child process" (join), and no
# switches at all -- each child has its own GIL, which it never shares.
# output: timings

import multiprocessing
import threading
import time

# The GIL's own figures, under gilvm (samples/_gil_meter.py; nothing under CPython).
from _gil_meter import GilMeter, gil

CHUNKS = 4
CHUNK_SIZE = 400_000
WORKERS = 2
ROUNDS = 3


def work(n):
    """Pure-Python arithmetic: it never blocks."""
    total = 0
    i = 0
    while i < n:
        total = total + i * i % 7
        i = i + 1
    return total


def sequential():
    return [work(CHUNK_SIZE) for _ in range(CHUNKS)]


def threaded():
    results = []
    lock = threading.Lock()

    def worker():
        mine = [work(CHUNK_SIZE) for _ in range(CHUNKS // WORKERS)]
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(WORKERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def process_worker(out, first):
    # Runs in a child process: its chunks' results go to shared memory.
    for k in range(first, first + CHUNKS // WORKERS):
        out[k] = work(CHUNK_SIZE)


def in_processes():
    out = multiprocessing.Array("q", CHUNKS)
    per = CHUNKS // WORKERS
    procs = [multiprocessing.Process(target=process_worker, args=(out, w * per)) for w in range(WORKERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    assert all(p.exitcode == 0 for p in procs), "a worker process failed"
    return out[:]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


if __name__ == "__main__":  # a spawned child imports this file: it must not rerun the demo
    work(CHUNK_SIZE // 4)  # warm up
    print(f"work: {CHUNKS} chunks of {CHUNK_SIZE:,} loop iterations each, best of {ROUNDS} rounds,"
          f" {multiprocessing.cpu_count()} CPUs")
    expected = sequential()
    ways = {"sequential": sequential, f"{WORKERS} threads": threaded, f"{WORKERS} processes": in_processes}
    best = {}
    meters = {name: GilMeter() for name in ways}
    for _ in range(ROUNDS):
        for name, fn in ways.items():
            with meters[name]:
                t, result = timed(fn)
            assert sorted(result) == sorted(expected), f"{name} computed something else"
            best[name] = min(best.get(name, t), t)
    seq = best["sequential"]
    print(f"sequential: {seq:.3f} s")
    for name in list(ways)[1:]:
        print(f"{name}: {best[name]:.3f} s, speedup {seq / best[name]:.2f}x")
    for name in ways:
        meters[name].report(f"{name}, {ROUNDS} rounds", top=2)
    if gil is None:
        print("(run under gilvm to see the GIL's figures)")
