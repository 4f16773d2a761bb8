# A worker process that dies breaks the pool: BrokenProcessPool for its call and later submits, no hang.
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
import os

if __name__ == '__main__':
    ex = ProcessPoolExecutor(max_workers=1)
    print(ex.submit(abs, -1).result())  # expect: 1
    f = ex.submit(os._exit, 3)
    try:
        f.result(timeout=10)
    except BrokenProcessPool as e:
        print(type(e).__name__, e)  # expect: BrokenProcessPool A process in the process pool was terminated abruptly while the future was running or pending.
    try:
        ex.submit(abs, -2)
    except BrokenProcessPool as e:
        print(e)  # expect: A child process terminated abruptly, the process pool is not usable anymore
    ex.shutdown()
    print('done')  # expect: done
