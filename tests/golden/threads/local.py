# threading.local: each thread sees its own attributes.
import threading

data = threading.local()
data.x = "main"
seen = []

def work(i):
    assert not hasattr(data, "x")
    data.x = i
    seen.append(data.x)

ts = [threading.Thread(target=work, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen), data.x)  # expect: [0, 1, 2, 3, 4] main

class Counter(threading.local):
    def __init__(self, start):
        self.n = start

    def bump(self):
        self.n += 1
        return self.n

c = Counter(10)
c.bump()
got = []
t = threading.Thread(target=lambda: got.append(c.bump()))
t.start()
t.join()
print(c.n, got)  # expect: 11 [11]
del data.x
print(hasattr(data, "x"))  # expect: False
