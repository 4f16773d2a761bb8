# multiprocessing.pool.ThreadPool (the Pool API on threads), pool reprs and
# the workers' names for fork and spawn.
import multiprocessing as mp
from multiprocessing.pool import ThreadPool


def double(x):
    return x * 2


def bad(x):
    raise KeyError(x)


if __name__ == "__main__":
    with ThreadPool(3) as tp:
        print(tp)  # expect: <multiprocessing.pool.ThreadPool state=RUN pool_size=3>
        print(tp.map(double, range(6)))  # expect: [0, 2, 4, 6, 8, 10]
        try:
            tp.map(bad, [7])
        except KeyError as e:
            print("KeyError", e)  # expect: KeyError 7
        print(tp.apply_async(double, (21,)).get(10))  # expect: 42
    tp.join()
    print(tp)  # expect: <multiprocessing.pool.ThreadPool state=TERMINATE pool_size=3>
    with mp.Pool(2) as p:
        print([w.name for w in p._pool])  # expect: ['ForkPoolWorker-1', 'ForkPoolWorker-2']
    with mp.get_context("spawn").Pool(1) as p:
        print([w.name for w in p._pool], p.map(double, [4]))  # expect: ['SpawnPoolWorker-3'] [8]
    p.close()
    print(p)  # expect: <multiprocessing.pool.Pool state=TERMINATE pool_size=1>
