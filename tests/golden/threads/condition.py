# Condition: a producer/consumer pair over a shared list, wait_for, notify_all.
import threading

items = []
cond = threading.Condition()
consumed = []

def consumer():
    while True:
        with cond:
            cond.wait_for(lambda: items)
            x = items.pop(0)
        if x is None:
            return
        consumed.append(x)

def producer():
    for i in range(50):
        with cond:
            items.append(i)
            cond.notify()
    with cond:
        items.append(None)
        cond.notify()

c = threading.Thread(target=consumer)
p = threading.Thread(target=producer)
c.start()
p.start()
p.join()
c.join()
print(consumed == list(range(50)))  # expect: True

ready = []
go = False

def waiter():
    with cond:
        ready.append(1)
        cond.notify_all()
        while not go:
            cond.wait()

ws = [threading.Thread(target=waiter) for _ in range(4)]
for w in ws:
    w.start()
with cond:
    print(cond.wait_for(lambda: len(ready) == 4, timeout=5))  # expect: True
    go = True
    cond.notify_all()
for w in ws:
    w.join()
with cond:
    print(cond.wait(0.01))  # expect: False
try:
    cond.notify()
except RuntimeError as e:
    print(e)  # expect: cannot notify on un-acquired lock
