# LifoQueue, PriorityQueue and SimpleQueue orders; nowait variants.
import queue

lq = queue.LifoQueue()
for i in range(4):
    lq.put(i)
print([lq.get() for _ in range(4)])  # expect: [3, 2, 1, 0]
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (4, "d"), (2, "b"), (0, "z"), (5, "e")]:
    pq.put_nowait(item)
print([pq.get_nowait()[1] for _ in range(6)])  # expect: ['z', 'a', 'b', 'c', 'd', 'e']
sq = queue.SimpleQueue()
sq.put(1)
sq.put_nowait(2)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.empty())  # expect: 2 1 2 True
fq = queue.Queue()
for x in "abc":
    fq.put(x)
print(fq.get(), fq.get(), fq.get())  # expect: a b c
