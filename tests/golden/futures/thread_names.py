# Worker threads are named PREFIX_N; without a prefix, ThreadPoolExecutor-K_N with K counting executors.
from concurrent.futures import ThreadPoolExecutor
import threading

def name(_):
    return threading.current_thread().name

with ThreadPoolExecutor(max_workers=1) as ex:
    print(ex.submit(name, 0).result())  # expect: ThreadPoolExecutor-0_0
with ThreadPoolExecutor(max_workers=1) as ex:
    print(ex.submit(name, 0).result())  # expect: ThreadPoolExecutor-1_0
with ThreadPoolExecutor(max_workers=2, thread_name_prefix='dl') as ex:
    barrier = threading.Barrier(2)
    names = list(ex.map(lambda i: (barrier.wait(), name(i))[1], range(2)))
    print(sorted(names))  # expect: ['dl_0', 'dl_1']
