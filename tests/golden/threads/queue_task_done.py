# task_done/join: join returns once every item is marked done.
import queue
import threading

q = queue.Queue()
done = []

def worker():
    while True:
        item = q.get()
        done.append(item * 2)
        q.task_done()

for _ in range(3):
    threading.Thread(target=worker, daemon=True).start()
for i in range(30):
    q.put(i)
q.join()
print(len(done), sum(done))  # expect: 30 870
e = queue.Queue()
try:
    e.task_done()
except ValueError as err:
    print(err)  # expect: task_done() called too many times
