# Claim: the threading and queue modules' synchronisation primitives do what
# their names say -- under gilvm exactly as under CPython. Each section below
# puts one to work with several threads and prints a line that comes out the
# same on every run (workers record what happened; the main thread prints
# counts and sorted results, never anything that depends on the interleaving).
#
# How to read the output: one line per primitive, naming what it guaranteed:
#   Lock             -- mutual exclusion: no increment is lost
#   RLock            -- the owning thread may acquire it again (a Lock cannot)
#   Semaphore(2)     -- at most 2 threads inside at once (max concurrency seen)
#   BoundedSemaphore -- releasing more than acquired is an error (ValueError)
#   Event            -- waiters block until set(), then all go on
#   Condition        -- a consumer sleeps until a producer notifies it
#   Queue            -- task_done()/join(): join returns once all work is done
#
# Under gilvm the program ends by printing the GIL's figures for the whole run
# to stderr (stdout stays byte for byte what CPython prints): where the
# threads were blocked, with the GIL released -- in each primitive's wait.

import queue
import sys
import threading
import time

# The GIL's own figures, under gilvm (samples/_gil_meter.py; nothing under CPython).
from _gil_meter import GilMeter, gil, gil_counters


def start_all(threads):
    for t in threads:
        t.start()
    for t in threads:
        t.join()


# --- Lock: a read-modify-write guarded by a lock loses nothing -------------
count = 0
count_lock = threading.Lock()


def add_many(n):
    global count
    for _ in range(n):
        with count_lock:
            count = count + int("1")  # a call between read and write: racy
                                      # without the lock (see 03_race_condition)


start_all([threading.Thread(target=add_many, args=(5000,)) for _ in range(4)])
print(f"Lock: 4 threads x 5000 guarded increments -> {count} (expected 20000)")

# --- RLock: re-entrant for the thread that holds it ------------------------
rlock = threading.RLock()
plain = threading.Lock()
depths = []


def nested(level):
    with rlock:                # the same thread acquires it again and again
        depths.append(level)
        if level < 3:
            nested(level + 1)


def rlock_worker():
    nested(1)


start_all([threading.Thread(target=rlock_worker) for _ in range(2)])
plain.acquire()
again = plain.acquire(blocking=False)  # a plain Lock refuses its own holder
plain.release()
print(f"RLock: 2 threads each re-entered 3 levels deep, {len(depths)} acquisitions,"
      f" levels {sorted(set(depths))}; a plain Lock re-acquired: {again}")

# --- Semaphore: at most N inside at once ------------------------------------
sem = threading.Semaphore(2)
inside = 0
max_inside = 0
inside_lock = threading.Lock()
visited = []


def limited(i):
    global inside, max_inside
    with sem:
        with inside_lock:
            inside = inside + 1
            max_inside = max(max_inside, inside)
        time.sleep(0.02)       # hold the slot a while so others must queue
        with inside_lock:
            inside = inside - 1
            visited.append(i)


start_all([threading.Thread(target=limited, args=(i,)) for i in range(6)])
print(f"Semaphore(2): 6 workers all ran {sorted(visited)},"
      f" at most {max_inside} inside at once")

# --- BoundedSemaphore: over-release is caught -------------------------------
bsem = threading.BoundedSemaphore(1)
bsem.acquire()
bsem.release()
try:
    bsem.release()             # one release too many
    outcome = "no error"
except ValueError:
    outcome = "ValueError"
print(f"BoundedSemaphore(1): acquire, release, release again -> {outcome}")

# --- Event: block until set -------------------------------------------------
ready = threading.Event()
woke = []
woke_lock = threading.Lock()


def waiter(i):
    ready.wait()
    with woke_lock:
        woke.append(i)


waiters = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in waiters:
    t.start()
time.sleep(0.05)
before = len(woke)             # nobody gets past wait() before set()
timed_out = ready.wait(0.01)   # a wait with a timeout returns False if unset
ready.set()
for t in waiters:
    t.join()
print(f"Event: before set() {before} of 3 waiters past wait()"
      f" (wait(0.01) -> {timed_out}); after set() {sorted(woke)} woke")

# --- Condition: producer/consumer -------------------------------------------
cond = threading.Condition()
buffer = []
consumed = []
DONE = None


def producer():
    for item in range(10):
        with cond:
            buffer.append(item)
            cond.notify()      # wake the consumer if it is waiting
        time.sleep(0.001)
    with cond:
        buffer.append(DONE)
        cond.notify()


def consumer():
    while True:
        with cond:
            while not buffer:
                cond.wait()    # releases the lock while asleep
            item = buffer.pop(0)
        if item is DONE:
            return
        consumed.append(item * 10)


start_all([threading.Thread(target=consumer), threading.Thread(target=producer)])
print(f"Condition: consumer got {len(consumed)} items in order: {consumed}")

# --- Queue: task_done() and join() ------------------------------------------
tasks = queue.Queue()
squares = []
squares_lock = threading.Lock()


def queue_worker():
    while True:
        n = tasks.get()
        if n is None:
            tasks.task_done()
            return
        with squares_lock:
            squares.append(n * n)
        tasks.task_done()      # one call per get(), or join() never returns


workers = [threading.Thread(target=queue_worker) for _ in range(3)]
for t in workers:
    t.start()
for n in range(1, 11):
    tasks.put(n)
tasks.join()                   # returns when every put() item is task_done()
print(f"Queue: 3 workers, 10 tasks, join() returned with {len(squares)} done:"
      f" {sorted(squares)}")
for _ in workers:
    tasks.put(None)            # one stop signal per worker
for t in workers:
    t.join()
print(f"Queue: workers stopped, queue empty: {tasks.empty()}")

if gil:  # on stderr, so that stdout stays byte for byte what CPython prints
    whole = GilMeter()
    whole.sum = gil_counters()  # gil.stats() counts from the program's start
    whole.report("whole program", top=8, file=sys.stderr)
else:
    print("(run under gilvm to see the GIL's figures)", file=sys.stderr)
