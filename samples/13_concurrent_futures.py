# Claim: concurrent.futures gives threads and processes one interface, and
# the choice between them is the lesson's: a ThreadPoolExecutor speeds up
# waiting (its threads release the GIL while they wait) but not pure-Python
# CPU work (its threads take turns on one GIL); a ProcessPoolExecutor speeds
# up CPU work (each worker process has its own GIL).
#
# How to read the output: two jobs, each done by 1 worker and by 2, with a
# ThreadPoolExecutor and with a ProcessPoolExecutor, through the same
# executor.map call. "waits": 8 calls that each sleep 0.1 s; "CPU": 4 chunks
# of arithmetic. Each line gives the wall time (best of 3 rounds) and the
# speedup of 2 workers over 1: near 2x for waits with either executor, near
# 1.0x for CPU work with threads, up to 2x (the number of cores) with
# processes. Under gilvm, the GIL's figures follow: the main thread blocked
# in "Future.result" (the map waiting for its results), the thread workers
# in time.sleep or taking turns on the GIL, the process pool's parent idle.
# output: timings

import concurrent.futures as cf
import time

# The GIL's own figures, under gilvm (samples/_gil_meter.py; nothing under CPython).
from _gil_meter import GilMeter, gil

ROUNDS = 3
WAITS = 8
WAIT_SECONDS = 0.1
CHUNKS = 4
CHUNK_SIZE = 600_000


def wait_call(i):
    time.sleep(WAIT_SECONDS)
    return i


def cpu_call(n):
    """Pure-Python arithmetic: it never blocks."""
    return sum(i * i % 7 for i in range(n))


JOBS = {
    "waits": (wait_call, list(range(WAITS))),
    "CPU": (cpu_call, [CHUNK_SIZE] * CHUNKS),
}
EXECUTORS = {"threads": cf.ThreadPoolExecutor, "processes": cf.ProcessPoolExecutor}


def run(executor_class, workers, fn, args):
    with executor_class(max_workers=workers) as ex:
        list(ex.map(fn, args[:workers]))  # the workers are up before the clock starts
        start = time.perf_counter()
        results = list(ex.map(fn, args))
        return time.perf_counter() - start, results


if __name__ == "__main__":  # a spawned worker imports this file: it must not rerun the demo
    print(f"waits: {WAITS} calls of time.sleep({WAIT_SECONDS}); CPU: {CHUNKS} chunks of"
          f" {CHUNK_SIZE:,} loop iterations; best of {ROUNDS} rounds")
    for job, (fn, args) in JOBS.items():
        expected = None
        for name, cls in EXECUTORS.items():
            best = {}
            meter = GilMeter()
            for _ in range(ROUNDS):
                for workers in (1, 2):
                    with meter:
                        t, results = run(cls, workers, fn, args)
                    if expected is None:
                        expected = results
                    assert results == expected, f"{name} computed something else"
                    best[workers] = min(best.get(workers, t), t)
            print(f"{job} with {name}: 1 worker {best[1]:.3f} s, 2 workers {best[2]:.3f} s,"
                  f" speedup {best[1] / best[2]:.2f}x")
            meter.report(f"{job} with {name}", top=2)
    if gil is None:
        print("(run under gilvm to see the GIL's figures)")
