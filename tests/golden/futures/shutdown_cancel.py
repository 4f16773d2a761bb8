# shutdown(cancel_futures=True) cancels queued calls; the running one finishes; wait=False returns at once.
from concurrent.futures import ThreadPoolExecutor
import threading

started = threading.Event()
gate = threading.Event()

def blocker():
    started.set()
    gate.wait()
    return 'ran'

ex = ThreadPoolExecutor(1)
first = ex.submit(blocker)
started.wait()
queued = [ex.submit(pow, 2, i) for i in range(3)]
ex.shutdown(wait=False, cancel_futures=True)
print([f.cancelled() for f in queued])  # expect: [True, True, True]
gate.set()
print(first.result())  # expect: ran
ex.shutdown(wait=True)
print(first.done(), threading.active_count())  # expect: True 1
