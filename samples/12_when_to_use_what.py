# Claim: the lesson's closing table -- processes, threads and async compared
# on three questions -- and the measurements behind each cell:
#
#                            processes   threads   async
#   optimise waiting periods    yes        yes       yes
#   use all CPU cores           yes        no        no
#   scalability                 low        medium    high
#
# How to read the output: three measurements, then the table with the
# numbers that justify each cell.
#   waiting  UNITS (20) jobs each wait WAIT (0.1 s): one after the other they
#            take 2 s; a model "optimises waiting periods" when the waits
#            overlap (wall time close to one WAIT).
#   CPU      CHUNKS (4) chunks of pure-Python arithmetic: a model "uses all
#            CPU cores" when its speedup over doing them one after the other
#            is well above 1x (at most the number of cores). Threads share
#            one GIL and async runs one task at a time: about 1x.
#   memory   the extra resident memory per unit of concurrency: one process
#            (a whole interpreter), one thread (its stack), one task (a few
#            objects) -- why async scales to tens of thousands of waits.
# The multiprocessing module is needed for the processes column; where it is
# missing, that column says so and the rest is still measured.
# output: timings

import asyncio
import os
import threading
import time

try:
    import multiprocessing
except ImportError:
    multiprocessing = None

UNITS = 20
WAIT = 0.1
CHUNKS = 4
CHUNK_SIZE = 1_500_000
MEMORY_THREADS = 100
MEMORY_TASKS = 10_000
MEMORY_PROCESSES = 4


def work(n):
    """Pure-Python arithmetic: holds the GIL the whole time."""
    total = 0
    i = 0
    while i < n:
        total = total + i * i % 7
        i = i + 1
    return total


def wait_job(_):
    time.sleep(WAIT)
    return 1


def rss_kib(pid="self"):
    """Resident memory of a process, from /proc (Linux)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


# --- threads -------------------------------------------------------------

def threads_run(target, args_list):
    ts = [threading.Thread(target=target, args=(a,)) for a in args_list]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def thread_memory():
    """Extra RSS per thread while MEMORY_THREADS threads wait on an event."""
    release = threading.Event()
    before = rss_kib()
    ts = [threading.Thread(target=release.wait) for _ in range(MEMORY_THREADS)]
    for t in ts:
        t.start()
    during = rss_kib()
    release.set()
    for t in ts:
        t.join()
    return (during - before) * 1024 / MEMORY_THREADS


# --- async ---------------------------------------------------------------

async def async_waits():
    await asyncio.gather(*[asyncio.sleep(WAIT) for _ in range(UNITS)])


async def async_chunk(n):
    return work(n)   # never awaits: the loop runs one chunk at a time


async def async_cpu():
    await asyncio.gather(*[async_chunk(CHUNK_SIZE) for _ in range(CHUNKS)])


async def async_memory():
    """Extra RSS per task while MEMORY_TASKS tasks sleep."""
    before = rss_kib()
    tasks = [asyncio.ensure_future(asyncio.sleep(0.2)) for _ in range(MEMORY_TASKS)]
    await asyncio.sleep(0.05)   # all started and waiting
    during = rss_kib()
    await asyncio.gather(*tasks)
    return (during - before) * 1024 / MEMORY_TASKS


# --- processes -----------------------------------------------------------

def process_waits():
    with multiprocessing.Pool(UNITS) as pool:
        pool.map(wait_job, range(UNITS))


def process_cpu():
    with multiprocessing.Pool(CHUNKS) as pool:
        pool.map(work, [CHUNK_SIZE] * CHUNKS)


def process_memory():
    """RSS of a child process that only waits: a whole interpreter each."""
    ps = [multiprocessing.Process(target=time.sleep, args=(0.5,)) for _ in range(MEMORY_PROCESSES)]
    for p in ps:
        p.start()
    time.sleep(0.2)
    sizes = [rss_kib(p.pid) for p in ps]
    for p in ps:
        p.join()
    return sum(sizes) * 1024 / len(sizes)


def size(nbytes):
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if nbytes >= scale:
            return f"{nbytes / scale:.1f} {unit}"
    return f"{nbytes:.0f} B"


def main():
    sequential_wait = UNITS * WAIT
    # The baseline, best of two: the machine's speed drifts.
    t_cpu_seq = min(timed(lambda: [work(CHUNK_SIZE) for _ in range(CHUNKS)]) for _ in range(2))

    waits = {"threads": timed(lambda: threads_run(wait_job, range(UNITS))),
             "async": timed(lambda: asyncio.run(async_waits()))}
    cpu = {"threads": timed(lambda: threads_run(work, [CHUNK_SIZE] * CHUNKS)),
           "async": timed(lambda: asyncio.run(async_cpu()))}
    memory = {"threads": thread_memory(), "async": asyncio.run(async_memory())}
    if multiprocessing is not None:
        waits["processes"] = timed(process_waits)
        cpu["processes"] = timed(process_cpu)
        memory["processes"] = process_memory()

    cores = os.cpu_count() or 1
    print(f"waiting: {UNITS} waits of {WAIT} s (one after another: {sequential_wait:.1f} s)")
    print(f"CPU: {CHUNKS} chunks of arithmetic (one after another: {t_cpu_seq:.2f} s; {cores} cores)")
    print(f"memory: per process / thread ({MEMORY_THREADS} waiting) / task ({MEMORY_TASKS} sleeping)")
    print()
    models = ("processes", "threads", "async")
    print(f"{'':26}" + "".join(f"{m:>22}" for m in models))

    def row(label, cell):
        cells = []
        for m in models:
            cells.append(cell(m) if m in waits else "n/a (no multiprocessing)")
        print(f"{label:26}" + "".join(f"{c:>22}" for c in cells))

    def wait_cell(m):
        overlapped = waits[m] < sequential_wait / 2
        return f"{'yes' if overlapped else 'no'}: {waits[m]:.2f} s"

    def cpu_cell(m):
        speedup = t_cpu_seq / cpu[m]
        return f"{'yes' if speedup > 1.5 else 'no'}: {cpu[m]:.2f} s {speedup:.1f}x"

    ranked = sorted(memory, key=memory.get)   # least memory per unit first

    def scale_cell(m):
        verdict = ("high", "medium", "low")[ranked.index(m)] if len(ranked) == 3 else \
            ("high", "medium")[ranked.index(m)]
        return f"{verdict}: {size(memory[m])}/unit"

    row("optimise waiting periods", wait_cell)
    row("use all CPU cores", cpu_cell)
    row("scalability", scale_cell)


if __name__ == "__main__":
    main()
