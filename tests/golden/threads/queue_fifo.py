# Queue: producers and consumers, every item delivered exactly once.
import queue
import threading

q = queue.Queue(maxsize=5)
got = []
lock = threading.Lock()

def producer(base):
    for i in range(100):
        q.put(base + i)

def consumer():
    while True:
        item = q.get()
        if item is None:
            return
        with lock:
            got.append(item)

ps = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
cs = [threading.Thread(target=consumer) for _ in range(2)]
for t in ps + cs:
    t.start()
for t in ps:
    t.join()
for _ in cs:
    q.put(None)
for t in cs:
    t.join()
print(len(got), len(set(got)), sum(got))  # expect: 300 300 314850
print(q.empty(), q.qsize(), q.full())  # expect: True 0 False
