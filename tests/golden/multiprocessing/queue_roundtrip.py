# Queue between processes: order kept, objects pickled, get() with a
# timeout raises queue.Empty, and many producers feed one consumer.
import multiprocessing as mp
import queue


def produce(q, tag, n):
    for i in range(n):
        q.put((tag, i, {"sq": i * i}))


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=produce, args=(q, "a", 5))
    p.start()
    print([q.get() for _ in range(5)])  # expect: [('a', 0, {'sq': 0}), ('a', 1, {'sq': 1}), ('a', 2, {'sq': 4}), ('a', 3, {'sq': 9}), ('a', 4, {'sq': 16})]
    p.join()
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print("empty")  # expect: empty
    print(q.empty(), q.qsize())  # expect: True 0
    ps = [mp.Process(target=produce, args=(q, t, 300)) for t in "xyz"]
    for p in ps:
        p.start()
    items = [q.get(timeout=10) for _ in range(900)]
    for p in ps:
        p.join()
    for t in "xyz":
        mine = [i for tag, i, _ in items if tag == t]
        print(t, len(mine), mine == list(range(300)))
# expect: x 300 True
# expect: y 300 True
# expect: z 300 True
