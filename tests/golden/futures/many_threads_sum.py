# Many small calls from several submitting threads: every result arrives once (workers assert, main prints a summary).
from concurrent.futures import ThreadPoolExecutor, as_completed
import threading

results = []
lock = threading.Lock()

def work(n):
    assert threading.current_thread().name.startswith('pool_')
    return n * 2

def producer(ex, base):
    fs = [ex.submit(work, base + i) for i in range(200)]
    for f in as_completed(fs):
        with lock:
            results.append(f.result())

with ThreadPoolExecutor(max_workers=4, thread_name_prefix='pool') as ex:
    threads = [threading.Thread(target=producer, args=(ex, k * 1000)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
print(len(results), sum(results))  # expect: 600 1319400
print(sorted(results)[:3], sorted(results)[-1])  # expect: [0, 2, 4] 4398
