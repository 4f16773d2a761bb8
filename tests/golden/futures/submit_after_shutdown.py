# submit() after shutdown() raises RuntimeError; shutdown twice is harmless.
from concurrent.futures import ThreadPoolExecutor

ex = ThreadPoolExecutor(2)
print(ex.submit(pow, 2, 10).result())  # expect: 1024
ex.shutdown()
ex.shutdown()
try:
    ex.submit(pow, 2, 3)
except RuntimeError as e:
    print(type(e).__name__, e)  # expect: RuntimeError cannot schedule new futures after shutdown
with ThreadPoolExecutor(1) as ex2:
    pass
try:
    ex2.submit(print)
except RuntimeError as e:
    print(e)  # expect: cannot schedule new futures after shutdown
