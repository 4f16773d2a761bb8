# RLock: the owner re-acquires; others wait; only the owner releases.
import threading

r = threading.RLock()
print(r.acquire(), r.acquire())  # expect: True True
r.release()
r.release()
try:
    r.release()
except RuntimeError as e:
    print(e)  # expect: cannot release un-acquired lock

def nested(n):
    with r:
        if n > 0:
            return nested(n - 1) + 1
        return 0

print(nested(5))  # expect: 5

results = []
r.acquire()

def other():
    results.append(r.acquire(timeout=0.05))  # held by main: times out
    try:
        r.release()
    except RuntimeError:
        results.append("not owner")

t = threading.Thread(target=other)
t.start()
t.join()
r.release()
print(results)  # expect: [False, 'not owner']

total = []

def add():
    for i in range(200):
        with r:
            with r:
                total.append(i)

ts = [threading.Thread(target=add) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(total))  # expect: 600
