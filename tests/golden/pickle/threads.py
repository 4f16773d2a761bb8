# Threads pickle and unpickle at the same time (each dumps/loads holds the GIL): every round trip is exact.
import pickle
import threading


class Item:
    def __init__(self, n):
        self.n = n
        self.tags = ["t" + str(n)] * 2


shared = {"items": [Item(i) for i in range(50)], "blob": b"z" * 3000, "nums": list(range(500))}
expected = pickle.dumps(shared)
results = []


def worker(k):
    ok = 0
    for _ in range(40):
        data = pickle.dumps(shared)
        back = pickle.loads(data)
        same = data == expected and [x.n for x in back["items"]] == list(range(50))
        same = same and back["items"][7].tags[0] is back["items"][7].tags[1] and back["nums"][-1] == 499
        ok += same
    results.append((k, ok))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))

# The output:
# expect: [(0, 40), (1, 40), (2, 40), (3, 40)]
