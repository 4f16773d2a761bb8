# Positional and keyword arguments reach the target; run() can be overridden.
import threading

out = {}

def f(a, b, *rest, key=None, **more):
    out[a] = (b, rest, key, sorted(more.items()))

t = threading.Thread(target=f, args=(1, 2, 3), kwargs={"key": "k", "z": 26})
t.start()
t.join()
print(out[1])  # expect: (2, (3,), 'k', [('z', 26)])

class Squarer(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * self.n

s = Squarer(12)
s.start()
s.join()
print(s.result)  # expect: 144
