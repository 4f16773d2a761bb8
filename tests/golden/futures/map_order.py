# Executor.map yields results in input order over several iterables, with chunksize accepted.
from concurrent.futures import ThreadPoolExecutor
import time

def slow_add(a, b):
    time.sleep(0.01 * (5 - a))
    return a + b

with ThreadPoolExecutor(3) as ex:
    print(list(ex.map(slow_add, range(5), [10, 20, 30, 40, 50])))  # expect: [10, 21, 32, 43, 54]
    print(list(ex.map(str, 'abc', chunksize=2)))  # expect: ['a', 'b', 'c']
    print(list(ex.map(abs, [])))  # expect: []
