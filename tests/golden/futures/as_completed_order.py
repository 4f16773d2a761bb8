# as_completed yields futures as they finish: already-done ones first, then in completion order.
from concurrent.futures import ThreadPoolExecutor, as_completed, Future
import threading

events = [threading.Event() for _ in range(3)]

def job(i):
    events[i].wait()
    return i

done = Future()
done.set_result('early')
with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(job, i) for i in range(3)]
    it = as_completed(fs + [done, done])
    print(next(it).result())  # expect: early
    order = []
    for i in (2, 0, 1):
        events[i].set()
        order.append(next(it).result())
    print(order)  # expect: [2, 0, 1]
    print(next(it, 'end'))  # expect: end
