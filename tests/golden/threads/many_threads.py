# 200 threads start and are joined; each records its own index.
import threading

seen = [None] * 200

def work(i):
    seen[i] = i

ts = [threading.Thread(target=work, args=(i,)) for i in range(200)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(seen == list(range(200)), threading.active_count())  # expect: True 1
