# Claim: threads DO speed up IO-bound work, GIL or not. Every blocking call
# -- a sleep, a read from a pipe, a wait for data on a socket (and equally a
# lock or queue wait, a join) -- releases the GIL while it waits, so other
# threads run, or start their own waits, in the meantime. The waits overlap.
#
# How to read the output: three kinds of task, each waiting WAIT (0.2 s):
#   sleep   time.sleep(WAIT);
#   pipe    os.read() on a pipe whose writer, another thread, writes WAIT later;
#   socket  recv() on a socketpair whose peer, another thread, answers WAIT later.
# Each kind runs TASKS (4) tasks one after the other (about 4 x 0.2 = 0.8 s),
# then each task in its own thread (about 0.2 s, the length of one wait). The
# ratio is sequential time / threaded time: close to 4x means the 4 waits
# overlapped completely. Under gilvm, a line per kind gives the GIL's figures
# for the threaded run: the GIL sits idle most of the time, and the threads
# spend several times the wall time blocked, with the GIL released. Compare
# with 01_cpu_bound_threads.py, where the work never waits and threads do
# not help.
# output: timings

import os
import socket
import threading
import time

TASKS = 4
WAIT = 0.2

# The GIL's own figures, under gilvm (samples/_gil_meter.py; nothing under CPython).
from _gil_meter import GilMeter, gil


def sleep_task():
    time.sleep(WAIT)  # blocks in the OS with the GIL released


def write_later(fd):
    time.sleep(WAIT)
    os.write(fd, b"x")


def pipe_task():
    r, w = os.pipe()
    writer = threading.Thread(target=write_later, args=(w,))
    writer.start()
    assert os.read(r, 1) == b"x"  # blocks until the writer writes, GIL released
    writer.join()
    os.close(r)
    os.close(w)


def answer_later(sock):
    time.sleep(WAIT)
    sock.sendall(b"x")


def socket_task():
    mine, peer = socket.socketpair()
    answerer = threading.Thread(target=answer_later, args=(peer,))
    answerer.start()
    assert mine.recv(16) == b"x"  # blocks until the peer answers, GIL released
    answerer.join()
    mine.close()
    peer.close()


def sequential(task):
    for _ in range(TASKS):
        task()


def threaded(task):
    threads = [threading.Thread(target=task) for _ in range(TASKS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def timed(fn, task):
    start = time.perf_counter()
    fn(task)
    return time.perf_counter() - start


print(f"{TASKS} tasks, each waiting {WAIT} s: one after the other, then one thread each")
for kind, task in (("sleep", sleep_task), ("pipe", pipe_task), ("socket", socket_task)):
    seq_time = timed(sequential, task)
    meter = GilMeter()
    with meter:
        thr_time = timed(threaded, task)
    print(f"{kind + ':':8}sequential {seq_time:.3f} s, {TASKS} threads {thr_time:.3f} s,"
          f" {seq_time / thr_time:.1f}x faster — the waits overlap")
    meter.report(f"{TASKS} {kind} threads")
if gil is None:
    print("(run under gilvm to see the GIL's figures)")
