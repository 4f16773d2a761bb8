# pickle throughput: dumps and loads of a list of ints and a list of strs,
# in MB of pickle per second. Runs under gilvm and python3 alike.
#
#   gilvm bench/pickle_lists.py          # checksum only (for bench/run.py)
#   gilvm bench/pickle_lists.py --mbps   # also one line of MB/s per case
#
# bench/pickle/run.py runs it under both interpreters, interleaved, and
# prints the median ratios.
import pickle
import sys
import time

REPEAT = 5


def measure(name, value, report):
    # Each side is timed over REPEAT calls in a row, so the time includes
    # each interpreter's memory management for what the calls create and
    # drop (CPython frees the previous result at once by reference counting;
    # gilvm's collector runs at a later safe point, inside the loop).
    data = pickle.dumps(value)
    t0 = time.perf_counter()
    for _ in range(REPEAT):
        data = pickle.dumps(value)
    t1 = time.perf_counter()
    for _ in range(REPEAT):
        back = pickle.loads(data)
    t2 = time.perf_counter()
    assert back == value
    mb = len(data) * REPEAT / 1e6
    if report:
        print(f"{name} dumps_mbps {mb / (t1 - t0):.1f} loads_mbps {mb / (t2 - t1):.1f} size_mb {len(data) / 1e6:.2f}")
    return len(data)


def main():
    report = "--mbps" in sys.argv
    ints = list(range(-500_000, 1_500_000, 3))
    strs = [f"item-{i}" for i in range(300_000)]
    total = measure("ints", ints, report) + measure("strs", strs, report)
    print("checksum", total)


main()
