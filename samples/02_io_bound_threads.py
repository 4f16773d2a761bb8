# Claim: threads DO speed up IO-bound work, GIL or not. Every blocking call --
# time.sleep here, but equally a read from a pipe, a socket wait, a lock or
# queue wait, a join -- releases the GIL while it waits, so another thread can
# run (or start its own wait) in the meantime. The waits overlap.
#
# How to read the output: 8 tasks that each wait 0.3 s are run one after the
# other (about 8 x 0.3 = 2.4 s), then each in its own thread (about 0.3 s, the
# length of one wait). The speedup printed is sequential time / threaded time;
# close to 8x means the 8 waits overlapped completely. Compare with
# 01_cpu_bound_threads.py, where the work never waits and threads do not help.
# output: timings

import threading
import time

TASKS = 8
WAIT = 0.3


def task(i, done):
    time.sleep(WAIT)  # blocks in the OS with the GIL released
    done.append(i)     # list.append is a single call: safe under the GIL


def sequential():
    done = []
    for i in range(TASKS):
        task(i, done)
    return done


def threaded():
    done = []
    threads = [threading.Thread(target=task, args=(i, done)) for i in range(TASKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done


start = time.perf_counter()
done = sequential()
seq_time = time.perf_counter() - start
print(f"{TASKS} tasks of {WAIT} s each, one after the other: {seq_time:.3f} s"
      f" ({len(done)} done)")

start = time.perf_counter()
done = threaded()
thr_time = time.perf_counter() - start
print(f"{TASKS} tasks of {WAIT} s each, {TASKS} threads: {thr_time:.3f} s"
      f" ({len(done)} done)")
print(f"speedup: {seq_time / thr_time:.1f}x — sleeping releases the GIL,"
      f" so the waits overlap")
