# add_done_callback runs callbacks at completion (or at once if done); a failing one is logged, others still run.
import sys
from concurrent.futures import Future

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass

calls = []
f = Future()
f.add_done_callback(lambda fut: calls.append(('first', fut.result())))
f.add_done_callback(lambda fut: 1 / 0)
f.add_done_callback(lambda fut: calls.append(('third', fut.result())))
err = sys.stderr = Capture()
f.set_result(7)
sys.stderr = sys.__stderr__
print(calls)  # expect: [('first', 7), ('third', 7)]
f.add_done_callback(lambda fut: calls.append('late'))
print(calls[-1])  # expect: late
lines = ''.join(err.parts).splitlines()
print(lines[0].startswith('exception calling callback for <Future at'), lines[-1])  # expect: True ZeroDivisionError: division by zero
g = Future()
g.add_done_callback(lambda fut: calls.append(('cancelled', fut.cancelled())))
g.cancel()
print(calls[-1])  # expect: ('cancelled', True)
