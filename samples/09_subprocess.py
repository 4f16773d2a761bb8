# Claim: a child process is outside this interpreter's GIL, and waiting for it
# releases the GIL -- so while one thread talks to a child, another thread of
# the parent keeps its full speed, and the child computes on a core of its own.
#
# How to read the output:
#   1. a shell command run with subprocess.run(shell=True): its output and
#      exit status;
#   2. REQUESTS requests ("sum of squares below N") sent one at a time to a
#      child process over its stdin, each answer read back from its stdout,
#      while a worker thread of the parent counts as fast as it can. The
#      worker's rate alone and during the conversation are compared: near
#      100% means the talking thread, blocked in readline() on the child's
#      pipe, left the GIL free the whole time;
#   3. the contrast: the same requests computed by a second thread of the
#      parent instead of a child. Now the two threads take turns on one GIL:
#      the worker gets about half its rate and the requests take longer.
#   Under gilvm, the GIL's own figures follow each run: in part 2 the talking
#   thread is blocked (GIL released) in "file read" and "child process".
#   A process escapes the GIL, not the number of cores: the child and the
#   worker need a core each, so on a machine whose cores are busy with other
#   work the worker's share in part 2 drops too, and the percentages move.
#   The GIL figures (under gilvm) show what belongs to the GIL: in part 2
#   the threads hardly wait for it, in part 3 they take turns.
# output: timings

import subprocess
import sys
import threading
import time

from _gil_meter import GilMeter, gil

REQUESTS = 8
N = 200_000 if gil is not None else 400_000  # each request ~0.05-0.1 s of CPU
SOLO = 0.5                                   # seconds the worker runs alone

# The child: reads a number per line, answers with the sum of squares below it.
CHILD = """
import sys
for line in sys.stdin:
    total = 0
    for i in range(int(line)):
        total += i * i
    print(total, flush=True)
"""


def sum_of_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


class Worker:
    """A thread that counts until told to stop: its rate is the measure of how
    much of the GIL (and a core) it got."""

    def __init__(self):
        self.stop = False
        self.count = 0
        self.thread = threading.Thread(target=self.run)

    def run(self):
        n = 0
        while not self.stop:
            for _ in range(1000):
                n += 1
        self.count = n

    def __enter__(self):
        self.start = time.perf_counter()
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop = True
        self.thread.join()
        self.rate = self.count / (time.perf_counter() - self.start)


def talk_to_child():
    """REQUESTS round trips to a child process; returns the seconds taken."""
    with subprocess.Popen([sys.executable, "-c", CHILD], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as child:
        start = time.perf_counter()
        for _ in range(REQUESTS):
            child.stdin.write(f"{N}\n")
            child.stdin.flush()
            answer = int(child.stdout.readline())  # blocks, GIL released
            assert answer == (N - 1) * N * (2 * N - 1) // 6
        took = time.perf_counter() - start
        child.stdin.close()
        assert child.wait() == 0  # blocks in "child process", GIL released
    return took


def compute_in_thread():
    """The same requests computed by a second thread of this process."""
    answers = []
    start = time.perf_counter()
    t = threading.Thread(target=lambda: answers.extend(sum_of_squares(N) for _ in range(REQUESTS)))
    t.start()
    t.join()
    assert answers == [(N - 1) * N * (2 * N - 1) // 6] * REQUESTS
    return time.perf_counter() - start


print("1. A shell command, subprocess.run(..., shell=True, capture_output=True, text=True):")
r = subprocess.run("printf 'alpha\\nbeta\\ngamma\\n' | sort -r | tr a-z A-Z; exit 3",
                   shell=True, capture_output=True, text=True)
print(f"   stdout {r.stdout!r}, returncode {r.returncode}")

print(f"\n2. {REQUESTS} requests to a child process over its stdin/stdout, while a worker thread counts:")
alone = talk_to_child()
print(f"   the requests alone:         {alone:.3f} s")
with Worker() as solo:
    time.sleep(SOLO)
print(f"   the worker alone:           {solo.rate / 1e6:.2f} M counts/s")
meter = GilMeter()
with meter:
    with Worker() as worker:
        together = talk_to_child()
print(f"   both at once:               requests {together:.3f} s, worker {worker.rate / 1e6:.2f} M counts/s"
      f" ({worker.rate / solo.rate:.0%} of its speed alone)")
meter.report("talking to a child + worker")

print(f"\n3. The same requests computed by a second thread of this process instead:")
meter = GilMeter()
with meter:
    with Worker() as worker:
        in_thread = compute_in_thread()
print(f"   both at once:               requests {in_thread:.3f} s, worker {worker.rate / 1e6:.2f} M counts/s"
      f" ({worker.rate / solo.rate:.0%} of its speed alone)")
meter.report("computing thread + worker")
if gil is None:
    print("\n(run under gilvm to see the GIL's figures)")
