# Claim: a process costs more than a thread -- to start, in memory, and in
# moving data to it -- because it is a separate interpreter with its own
# memory: data must be copied (pickled and sent through a pipe), unless it is
# put in memory both can map (mmap of a file, shared memory).
#
# How to read the output:
#   start-up   the mean time to start and join a thread, a forked process and
#              a spawned process (a fresh interpreter that imports this file)
#              that do nothing: threads cost microseconds, fork about a
#              millisecond, spawn tens of milliseconds.
#   memory     what each extra thread or process adds: for threads, the growth
#              of this process's resident memory; for processes, each child's
#              private memory (pages not shared with anybody, from
#              /proc/PID/smaps_rollup) while it waits. A forked child shares
#              the parent's pages until one of them writes; a spawned child
#              builds its own interpreter.
#   transfer   a child sends 1 MB and 100 MB of bytes through a Pipe (copied
#              twice: into the kernel and out), against a child that maps the
#              same bytes from a file with mmap and reads them in place (the
#              bytes are only ever in the page cache once).
# Under gilvm, the GIL's figures follow: the parent blocked in "pipe" and
# "child process" (the GIL released) while the children work.
# output: timings

import multiprocessing as mp
import os
import threading
import time

from _gil_meter import GilMeter, gil

try:
    import mmap
except ImportError:  # gilvm without its mmap module
    mmap = None

STARTS = {"thread": 200, "fork": 40, "spawn": 5}
HOLDERS = 8


def nothing():
    pass


def mean_start_ms(kind):
    n = STARTS[kind]
    start = time.perf_counter()
    for _ in range(n):
        if kind == "thread":
            t = threading.Thread(target=nothing)
        else:
            t = mp.get_context(kind).Process(target=nothing)
        t.start()
        t.join()
    return (time.perf_counter() - start) / n * 1000


def status_kb(field, pid="self"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def private_kb(pid):
    total = 0
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Private_"):
                total += int(line.split()[1])
    return total


def wait_on(event):
    event.wait()


def thread_mb():
    release = threading.Event()
    before = status_kb("VmRSS")
    threads = [threading.Thread(target=wait_on, args=(release,)) for _ in range(HOLDERS)]
    for t in threads:
        t.start()
    after = status_kb("VmRSS")
    release.set()
    for t in threads:
        t.join()
    return (after - before) / HOLDERS / 1024


def process_mb(kind):
    ctx = mp.get_context(kind)
    release = ctx.Event()
    ready = ctx.Semaphore(0)
    procs = [ctx.Process(target=hold, args=(release, ready)) for _ in range(HOLDERS)]
    for p in procs:
        p.start()
    for _ in procs:
        ready.acquire()
    kb = [private_kb(p.pid) for p in procs]
    release.set()
    for p in procs:
        p.join()
    return sum(kb) / len(kb) / 1024


def hold(release, ready):
    ready.release()
    release.wait()


def send_bytes(conn, size):
    conn.send_bytes(b"x" * size)
    conn.close()


def pipe_seconds(size):
    r, w = mp.Pipe(duplex=False)
    start = time.perf_counter()
    p = mp.Process(target=send_bytes, args=(w, size))
    p.start()
    w.close()
    data = r.recv_bytes()
    p.join()
    secs = time.perf_counter() - start
    assert len(data) == size
    r.close()
    return secs


def read_mapped(path, size, out):
    with open(path, "rb") as f:
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            out.value = m[size - 1] + len(m)  # touch the last page: no copy


def mmap_seconds(path, size):
    out = mp.Value("q", 0)
    start = time.perf_counter()
    p = mp.Process(target=read_mapped, args=(path, size, out))
    p.start()
    p.join()
    secs = time.perf_counter() - start
    assert out.value == ord("x") + size, "the child did not see the mapped bytes"
    return secs


if __name__ == "__main__":
    meter = GilMeter()
    with meter:
        print("start-up (start + join, mean):")
        base = mean_start_ms("thread")
        print(f"  thread           {base:8.3f} ms")
        for kind in ("fork", "spawn"):
            ms = mean_start_ms(kind)
            print(f"  process ({kind:5}) {ms:8.3f} ms  ({ms / base:,.0f}x a thread)")
        print(f"memory per extra worker ({HOLDERS} at once):")
        print(f"  thread           {thread_mb():8.2f} MB (this process's resident growth)")
        for kind in ("fork", "spawn"):
            print(f"  process ({kind:5}) {process_mb(kind):8.2f} MB private")
        print("moving bytes to the parent:")
        for size in (1 << 20, 100 << 20):
            label = f"{size >> 20} MB"
            pipe_s = pipe_seconds(size)
            print(f"  {label:>6} through a pipe  {pipe_s * 1000:8.1f} ms ({size / pipe_s / 1e6:,.0f} MB/s)")
            if mmap is None:
                print(f"  {label:>6} via mmap        (no mmap module here)")
                continue
            path = os.path.abspath(f"_08_data_{os.getpid()}.bin")
            with open(path, "wb") as f:
                f.write(b"x" * size)
            try:
                map_s = mmap_seconds(path, size)
            finally:
                os.remove(path)
            print(f"  {label:>6} via mmap        {map_s * 1000:8.1f} ms (start a child that maps the file)")
    meter.report("the whole run", top=3)
    if gil is None:
        print("(run under gilvm to see the GIL's figures)")
