# wait() with FIRST_COMPLETED, FIRST_EXCEPTION and ALL_COMPLETED; the result unpacks as (done, not_done).
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED
import threading

gate = threading.Event()

def fail():
    raise ValueError('bad')

with ThreadPoolExecutor(4) as ex:
    slow = ex.submit(gate.wait)
    quick = ex.submit(lambda: 1)
    done, not_done = wait([slow, quick], return_when=FIRST_COMPLETED)
    print(done == {quick}, not_done == {slow})  # expect: True True
    bad = ex.submit(fail)
    r = wait([slow, bad], return_when=FIRST_EXCEPTION)
    print(r.done == {bad}, r.not_done == {slow}, type(r).__name__)  # expect: True True DoneAndNotDoneFutures
    r = wait([slow, quick], timeout=0.05)
    print(len(r.done), len(r.not_done))  # expect: 1 1
    gate.set()
    done, not_done = wait([slow, quick, bad], return_when=ALL_COMPLETED)
    print(len(done), not_done)  # expect: 3 set()
    print(repr(wait([], timeout=0)))  # expect: DoneAndNotDoneFutures(done=set(), not_done=set())
