# A failing initializer breaks the pool: its calls get BrokenThreadPool and so does every later submit.
import sys
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool
import concurrent.futures as cf

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

def init():
    raise ValueError('no setup')

err = sys.stderr = Capture()
ex = ThreadPoolExecutor(max_workers=1, initializer=init)
f = ex.submit(pow, 2, 2)
try:
    f.result(timeout=5)
except BrokenThreadPool as e:
    print(type(e).__name__, '|', e)  # expect: BrokenThreadPool | A thread initializer failed, the thread pool is not usable anymore
print(issubclass(BrokenThreadPool, cf.BrokenExecutor), issubclass(cf.BrokenExecutor, RuntimeError))  # expect: True True
try:
    ex.submit(pow, 2, 2)
except BrokenThreadPool as e:
    print('submit:', e)  # expect: submit: A thread initializer failed, the thread pool is not usable anymore
ex.shutdown()
sys.stderr = sys.__stderr__
text = ''.join(err.parts)
print(text.splitlines()[0])  # expect: Exception in initializer:
print(text.splitlines()[1])  # expect: Traceback (most recent call last):
print(text.splitlines()[-1])  # expect: ValueError: no setup
