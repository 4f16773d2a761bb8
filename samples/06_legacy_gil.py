# Claim: before Python 3.2, CPU-bound threads ran *slower* on a multi-core
# machine than the same work done one piece after the other -- often about
# twice as slow on two cores (David Beazley, "Understanding the Python GIL",
# PyCon 2010). Python 2's GIL had no hand-off: every 100 bytecodes the
# running thread released the lock and at once took it back. Each release
# woke the waiting thread on the other core; it nearly always found the lock
# retaken and went back to sleep, and when it did win, the lock and the
# interpreter's data moved between the two cores' caches. Both cores were
# busy, and most of that work was the GIL fighting itself.
#
# Run it as gilvm runs it in the tests:
#
#     build/gilvm --gil=legacy samples/06_legacy_gil.py     (Python 2's GIL)
#     build/gilvm samples/06_legacy_gil.py                  (Python 3.2+'s)
#
# With --gil=legacy, "2 threads" takes clearly longer than "sequential" (on a
# machine with at least 2 cores). With the default GIL -- and under CPython
# 3 -- the two times are about the same: the waiting thread asks for the
# lock after a 5 ms switch interval and is handed it, so there is no fight,
# but still no speedup.
#
# Under gilvm the GIL's figures for the threaded runs follow: with
# --gil=legacy, switches by the thousand, none forced (each is a release
# every 100 instructions that the other thread happened to win), and the GIL
# held less of the time -- the rest went in passing it back and forth; with
# the default GIL, a few dozen switches, most forced after a switch interval,
# and the GIL busy all the time.
# output: timings
# gilvm-args: --gil=legacy

import threading
import time

# The GIL's own figures, under gilvm (samples/_gil_meter.py; nothing under CPython).
from _gil_meter import GilMeter, gil

N = 600_000


def work(n):
    total = 0
    i = 0
    while i < n:
        total = total + i * i % 7
        i = i + 1
    return total


def sequential():
    return [work(N), work(N)]


def two_threads():
    results = []

    def worker():
        r = work(N)
        results.append(r)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


work(N // 4)  # warm up
best_seq = best_thr = None
meter = GilMeter()  # the GIL's figures for the threaded runs
for _ in range(3):  # interleaved, best of 3, to damp noise from other programs
    t, r1 = timed(sequential)
    best_seq = t if best_seq is None else min(best_seq, t)
    with meter:
        t, r2 = timed(two_threads)
    best_thr = t if best_thr is None else min(best_thr, t)
    assert r1 == r2, "the threads computed something else"

print(f"work: 2 x {N:,} loop iterations, best of 3 rounds")
print(f"sequential: {best_seq:.3f} s")
print(f"2 threads:  {best_thr:.3f} s, {best_thr / best_seq:.2f}x the sequential time")
if gil:
    meter.report(f"--gil={gil.stats()['mode']}, 2 threads, 3 rounds", top=1)
else:
    print("(run under gilvm to see the GIL's figures)")
