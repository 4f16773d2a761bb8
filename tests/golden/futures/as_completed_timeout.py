# as_completed(timeout=) raises TimeoutError "N (of M) futures unfinished" after yielding the finished ones.
from concurrent.futures import ThreadPoolExecutor, as_completed
import threading

gate = threading.Event()
with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(gate.wait), ex.submit(gate.wait), ex.submit(lambda: 'quick')]
    fs[2].result()
    got = []
    try:
        for f in as_completed(fs, timeout=0.1):
            got.append(f.result())
    except TimeoutError as e:
        print(got, e)  # expect: ['quick'] 2 (of 3) futures unfinished
    gate.set()
