# Claim: threads do not make pure-Python CPU-bound work faster. A thread must
# hold the GIL to run bytecode, so only one thread runs at a time, even on a
# machine with several cores; splitting the work across 2 or 4 threads takes
# about as long as doing it one piece after the other (often a bit longer,
# because of the hand-overs).
#
# How to read the output: the same total work (4 chunks) is done three ways --
# sequentially, by 2 threads (2 chunks each) and by 4 threads (1 chunk each).
# Each line gives the wall time (best of 3 rounds, to damp noise from other
# programs) and its ratio to the sequential time. A ratio
# near 1.0x means no speedup; on a free-threaded runtime (`gilvm --gil=off`)
# you would see about 1/cores instead. Every run also checks that the results
# match, so the threads really did the work. Under gilvm, the GIL's figures
# for each way follow (summed over the 3 rounds): no switches when one thread
# does all the work; with threads, forced switches every switch interval
# (5 ms), the GIL busy all the time, and each thread waiting for it while
# another runs -- the main thread meanwhile blocked in join().
# output: timings

import threading
import time

# The GIL's own figures, under gilvm (samples/_gil_meter.py; nothing under CPython).
from _gil_meter import GilMeter, gil


CHUNKS = 4
CHUNK_SIZE = 400_000


def work(n):
    """Pure-Python arithmetic: never blocks, so it gives up the GIL only when
    another thread has waited a switch interval (5 ms) and asks for it."""
    total = 0
    i = 0
    while i < n:
        total = total + i * i % 7
        i = i + 1
    return total


def sequential():
    return [work(CHUNK_SIZE) for _ in range(CHUNKS)]


def threaded(nthreads):
    per_thread = CHUNKS // nthreads
    results = []
    lock = threading.Lock()

    def worker():
        mine = [work(CHUNK_SIZE) for _ in range(per_thread)]
        with lock:
            results.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


ROUNDS = 3  # each way is timed 3 times, interleaved; the best time counts

work(CHUNK_SIZE // 4)  # warm up, so the first timing is not penalised
print(f"work: {CHUNKS} chunks of {CHUNK_SIZE:,} loop iterations each,"
      f" best of {ROUNDS} rounds")
expected = sequential()
best = {}
meters = {1: GilMeter(), 2: GilMeter(), 4: GilMeter()}
for _ in range(ROUNDS):
    for n in (1, 2, 4):
        with meters[n]:
            if n == 1:
                t, result = timed(sequential)
            else:
                t, result = timed(threaded, n)
        assert sorted(result) == sorted(expected), "threads computed something else"
        if n not in best or t < best[n]:
            best[n] = t

seq_time = best[1]
print(f"sequential: {seq_time:.3f} s")
for n in (2, 4):
    t = best[n]
    print(f"{n} threads: {t:.3f} s, {t / seq_time:.2f}x the sequential time"
          f" — the GIL lets one thread run at a time")
meters[1].report(f"sequential, {ROUNDS} rounds")
for n in (2, 4):
    meters[n].report(f"{n} threads, {ROUNDS} rounds", top=2)
if gil is None:
    print("(run under gilvm to see the GIL's figures)")
