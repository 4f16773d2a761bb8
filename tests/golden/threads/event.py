# Event: wait blocks until set; wait with a timeout returns False when unset.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0.05))  # expect: False False
order = []

def waiter(i):
    assert e.wait(5)
    order.append(i)

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
e.set()
for t in ts:
    t.join()
print(sorted(order), e.is_set(), e.wait())  # expect: [0, 1, 2] True True
e.clear()
print(e.is_set())  # expect: False
