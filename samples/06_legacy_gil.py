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

# --- The GIL's own figures, under gilvm (CPython has no `gil` module) --------
try:
    import gil  # gilvm's introspection module; absent under CPython
except ImportError:
    gil = None


def gil_counters():
    """gil.stats() summed over every thread so far: counters that only grow.
    Keys "in X" hold the seconds threads spent blocked in X (time.sleep...)."""
    stats = gil.stats()
    c = {"wall": stats["wall"], "switches": stats["switches"],
         "forced": stats["forced_switches"], "running": 0, "waiting": 0, "life": 0}
    for t in stats["threads"]:
        c["running"] += t["running"]
        c["waiting"] += t["waiting"]
        c["life"] += t["running"] + t["waiting"] + t["blocked"]
        for what, seconds in t["blocked_in"].items():
            c["in " + what] = c.get("in " + what, 0) + seconds
    return c


class GilMeter:
    """`with meter:` adds up what the GIL did inside; report() prints the sum
    (nothing under CPython)."""

    def __init__(self):
        self.sum = {}

    def __enter__(self):
        self.start = gil_counters() if gil else {}
        return self

    def __exit__(self, *exc):
        if gil:
            for key, value in gil_counters().items():
                self.sum[key] = self.sum.get(key, 0) + value - self.start.get(key, 0)

    def report(self, label, top=3, file=None):
        if not gil:
            return
        s = self.sum
        print(f"  GIL, {label}: {s['switches']} switches ({s['forced']} forced),"
              f" busy {s['running'] / s['wall']:.0%}, threads waited"
              f" {s['waiting'] / s['life']:.0%} of their time for it", file=file)
        blocked = sorted(((v, k[3:]) for k, v in s.items() if k.startswith("in ")),
                         reverse=True)
        blocked = [f"{what} {v:.3f} s" for v, what in blocked[:top] if v >= 0.001]
        if blocked:
            print("    blocked (GIL released) in: " + ", ".join(blocked), file=file)

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
