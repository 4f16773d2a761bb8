# The default max_workers is min(32, cpu_count + 4); bad values are refused.
from concurrent.futures import ThreadPoolExecutor
import os

ex = ThreadPoolExecutor()
print(ex._max_workers == min(32, (os.cpu_count() or 1) + 4))  # expect: True
ex.shutdown()
for bad in (0, -1):
    try:
        ThreadPoolExecutor(bad)
    except ValueError as e:
        print(e)  # expect: max_workers must be greater than 0
# expect: max_workers must be greater than 0
try:
    ThreadPoolExecutor(1, initializer=5)
except TypeError as e:
    print(e)  # expect: initializer must be a callable
