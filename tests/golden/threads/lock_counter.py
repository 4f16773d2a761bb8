# A Lock around a read-modify-write keeps every increment: the exact total.
import threading

counter = 0
lock = threading.Lock()

def step():
    return 1

def work():
    global counter
    for _ in range(20000):
        with lock:
            counter = counter + step()

ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter)  # expect: 80000
print(lock.locked())  # expect: False
