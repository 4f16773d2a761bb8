# Executor.map(timeout=) raises TimeoutError (the builtin one in 3.11) when a result is late.
import concurrent.futures as cf
import threading

gate = threading.Event()
with cf.ThreadPoolExecutor(2) as ex:
    it = ex.map(lambda x: gate.wait() and x, [1, 2], timeout=0.05)
    try:
        next(it)
    except cf.TimeoutError as e:
        print('timeout', type(e) is TimeoutError, cf.TimeoutError is TimeoutError)  # expect: timeout True True
    gate.set()
