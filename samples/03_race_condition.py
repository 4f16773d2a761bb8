# Claim: the GIL does not make your code thread-safe. It keeps the
# interpreter's own data consistent, but a thread can lose the GIL between any
# two of *your* steps. A read-modify-write of shared data
#
#     counter = counter + step()
#
# reads `counter`, calls step(), then writes. If another thread runs while
# this one is inside the call, both read the same old value and one of the
# two writes is lost. Guarding the update with a Lock loses nothing.
#
# Where can a switch fall? CPython 3.11 only gives up the GIL at a few
# checkpoints: function calls and loop back-edges (the jump back to the top of
# a loop). gilvm checks at the same points, so the two behave alike. The call
# to step() puts a checkpoint between the read and the write -- that is the
# window the race needs.
#
# How to read the output: 4 threads each add 1 to a shared counter many
# times; "lost N updates" is expected minus what the counter ended at. For
# the unlocked update N is positive (a tiny switch interval of 1 us makes
# switches, and so losses, near-certain) and changes from run to run; with
# the Lock it is always 0. The last part is an observation, not a guarantee.
# output: timings

import sys
import threading

# The GIL's own figures, under gilvm (samples/_gil_meter.py; nothing under CPython).
from _gil_meter import GilMeter, gil


THREADS = 4
PER_THREAD = 25_000
EXPECTED = THREADS * PER_THREAD

counter = 0
lock = threading.Lock()


def step():
    return 1


def racy():
    global counter
    for _ in range(PER_THREAD):
        counter = counter + step()   # read ... call (switch point) ... write


def locked():
    global counter
    for _ in range(PER_THREAD):
        with lock:                   # only one thread inside at a time
            counter = counter + step()


def plain_increment():
    global counter
    for _ in range(PER_THREAD):
        counter += 1                 # load, add, store: no checkpoint between


def run(worker):
    global counter
    counter = 0
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    meter = GilMeter()
    with meter:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    return counter, meter


default_interval = sys.getswitchinterval()
sys.setswitchinterval(1e-6)  # ask for a switch as often as possible

result, meter = run(racy)
print(f"counter = counter + step(), no lock: {result} of {EXPECTED},"
      f" lost {EXPECTED - result} updates")
meter.report("no lock")

result, meter = run(locked)
print(f"counter = counter + step(), with a Lock: {result} of {EXPECTED},"
      f" lost {EXPECTED - result} updates")
meter.report("with a Lock")

# `counter += 1` compiles to load counter, add 1, store counter with no call
# and no back-edge in between, so neither CPython 3.11 nor gilvm ever switches
# threads in the middle of it: here the increments happen not to be lost.
# This is an accident of where the interpreter checks for a switch, not a
# promise -- other versions (CPython 3.9 and older checked in more places, and
# free-threaded builds have no GIL at all) can and do lose them. Use a Lock.
result, meter = run(plain_increment)
print(f"counter += 1, no lock (observation, not a guarantee): {result} of"
      f" {EXPECTED}, lost {EXPECTED - result} updates")
meter.report("counter += 1")

sys.setswitchinterval(default_interval)
if gil is None:
    print("(run under gilvm to see the GIL's figures)")
