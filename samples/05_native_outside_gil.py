# Claim: native code that releases the GIL runs on several cores at once.
# hashlib lets go of the GIL while it hashes a large buffer (2048 bytes or
# more, as CPython's does; zlib does the same while it compresses), so
# threads that spend their time inside sha256 really run in parallel: on a
# machine with 2 free cores, 2 threads hash the same data in about half the
# sequential time. The same number of threads running pure-Python code get
# no faster, because a thread must hold the GIL to run bytecode.
#
# How to read the output: the same 8 jobs are done sequentially and by 2
# threads (4 jobs each), twice over -- once with jobs that hash, once with
# jobs that loop in Python. Each line gives the wall time (best of 3 rounds,
# to damp noise from other programs), its ratio to the sequential time, and
# how many cores the program kept busy meanwhile (CPU time / wall time).
# Hashing: about 0.5x with 2 cores busy. Pure Python: about 1.0x with 1 core
# busy -- the threads take turns. Other programs competing for the cores
# push the hashing ratio towards 1.0x; the cores column still shows the two
# threads running at once. Every run also checks that the threads computed
# what the sequential run did. Under gilvm, the GIL's figures for the threaded
# runs follow each part: hashing leaves the GIL mostly idle, the threads'
# time spent inside sha256 with the GIL released (shown as blocked); pure
# Python keeps it busy, with forced switches and threads waiting for it.
# output: timings

import hashlib
import threading
import time

# The GIL's own figures, under gilvm (samples/_gil_meter.py; nothing under CPython).
from _gil_meter import GilMeter, gil

JOBS = 8
BUFFER_SIZE = 4 * 1024 * 1024  # 4 MB per job
REPEAT = 4                     # each job feeds its buffer to sha256 4 times
LOOP = 150_000                 # iterations of a pure-Python job
ROUNDS = 3
THREADS = 2

buffers = [bytes([i]) * BUFFER_SIZE for i in range(JOBS)]


def hash_job(i):
    """Almost all its time is inside sha256's update, with the GIL released."""
    h = hashlib.sha256()
    for _ in range(REPEAT):
        h.update(buffers[i])
    return h.hexdigest()


def python_job(i):
    """Pure-Python arithmetic: holds the GIL the whole time it runs."""
    total = 0
    n = 0
    while n < LOOP:
        total = total + (n * i) % 7
        n = n + 1
    return total


def sequential(job):
    return [job(i) for i in range(JOBS)]


def threaded(job, nthreads):
    results = [None] * JOBS

    def worker(first):
        for i in range(first, JOBS, nthreads):
            results[i] = job(i)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(nthreads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def timed(fn, *args):
    """(wall time, CPU time of the whole process, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def best_runs(job):
    """The fastest sequential and threaded runs, as (wall, cpu), interleaved,
    and the GIL meter of the threaded runs."""
    expected = sequential(job)  # also a warm-up
    best = {}
    meter = GilMeter()  # the GIL's figures for the threaded runs
    for _ in range(ROUNDS):
        for way in ("sequential", "threads"):
            if way == "sequential":
                wall, cpu, result = timed(sequential, job)
            else:
                with meter:
                    wall, cpu, result = timed(threaded, job, THREADS)
            assert result == expected, "threads computed something else"
            if way not in best or wall < best[way][0]:
                best[way] = (wall, cpu)
    return best["sequential"], best["threads"], meter


def report(title, job, why):
    (seq, seq_cpu), (thr, thr_cpu), meter = best_runs(job)
    print(title)
    print(f"  sequential: {seq:.3f} s, {seq_cpu / seq:.1f} cores busy")
    print(f"  {THREADS} threads:  {thr:.3f} s, {thr_cpu / thr:.1f} cores busy,"
          f" {thr / seq:.2f}x the sequential time — {why}")
    meter.report(f"{THREADS} threads, {ROUNDS} rounds", top=2)
    return thr / seq


megabytes = BUFFER_SIZE // (1024 * 1024)
hash_ratio = report(
    f"hashing: {JOBS} jobs, each sha256 over a {megabytes} MB buffer fed {REPEAT} times,"
    f" best of {ROUNDS} rounds",
    hash_job, "sha256 runs with the GIL released")
python_ratio = report(
    f"pure Python: {JOBS} jobs of {LOOP:,} loop iterations, best of {ROUNDS} rounds",
    python_job, "bytecode needs the GIL")
print(f"speedup from {THREADS} threads: hashing {1 / hash_ratio:.1f}x, pure Python {1 / python_ratio:.1f}x")
if gil is None:
    print("(run under gilvm to see the GIL's figures)")
