# Shared by the concurrency benchmarks: the CPU-bound work a thread repeats
# (ccbench's "pure Python" task stands in; any loop that never blocks will do).
import threading

CHUNK = 2000


def chunk():
    total = 0
    i = 0
    while i < CHUNK:
        total = total + i * i % 7
        i = i + 1
    return total


def spin(stop, counts, slot):
    """Repeats chunk() until `stop` is set; counts[slot] is the chunks done."""
    n = 0
    while not stop.is_set():
        chunk()
        n = n + 1
    counts[slot] = n


def start_spinners(nthreads):
    """Starts nthreads CPU-bound threads; returns (stop event, threads, counts)."""
    stop = threading.Event()
    counts = [0] * nthreads
    threads = [threading.Thread(target=spin, args=(stop, counts, k)) for k in range(nthreads)]
    for t in threads:
        t.start()
    return stop, threads, counts
