# Future.result/exception with a timeout raise TimeoutError when nothing is set in time.
from concurrent.futures import Future
import threading

f = Future()
for method in (f.result, f.exception):
    try:
        method(timeout=0.02)
    except TimeoutError as e:
        print(method.__name__, 'timed out', repr(str(e)))
# expect: result timed out ''
# expect: exception timed out ''
threading.Timer(0.05, f.set_result, ['late']).start()
print(f.result(timeout=5))  # expect: late
