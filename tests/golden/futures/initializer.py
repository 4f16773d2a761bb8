# initializer(*initargs) runs once in each worker thread before its first call.
from concurrent.futures import ThreadPoolExecutor
import threading

local = threading.local()
seen = []

def init(tag):
    local.tag = tag
    seen.append(tag)

with ThreadPoolExecutor(max_workers=1, initializer=init, initargs=('T',)) as ex:
    print([ex.submit(lambda i: local.tag + str(i), i).result() for i in range(3)])  # expect: ['T0', 'T1', 'T2']
print(seen)  # expect: ['T']
