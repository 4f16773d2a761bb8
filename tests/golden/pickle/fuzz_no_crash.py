# gilvm-only: random corruptions and truncations of pickles raise Python exceptions, never crash or hang.
import pickle
import random

random.seed(7)


class Thing:
    pass


t = Thing()
t.v = [1, "x", (2.5, None)]
samples = [pickle.dumps(v, p) for p in range(6) for v in [[1, "a", b"b", (1, 2), {3: 4}, {5}, 2**80, True], t, {"k": [t, t]}]]
outcomes = 0
for s in samples:
    for i in range(len(s)):
        try:
            pickle.loads(s[:i])
        except Exception:
            outcomes += 1
    for _ in range(200):
        b = list(s)
        for _ in range(random.randint(1, 4)):
            b[random.randrange(len(b))] = random.randrange(256)
        try:
            pickle.loads(bytes(b))
        except Exception:
            pass
        outcomes += 1
for _ in range(5000):
    try:
        pickle.loads(bytes(random.randrange(256) for _ in range(random.randint(0, 24))))
    except Exception:
        pass
    outcomes += 1
print(outcomes > 8000)  # expect: True
# gilvm-only
