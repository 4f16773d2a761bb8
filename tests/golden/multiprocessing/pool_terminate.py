# Pool.terminate (and leaving a `with Pool` block) stops the workers even in
# the middle of a task; the pool then refuses work.
import multiprocessing as mp
import time


def slow(x):
    time.sleep(30)
    return x


if __name__ == "__main__":
    pool = mp.Pool(2)
    workers = list(pool._pool)
    r = pool.map_async(slow, [1, 2])
    time.sleep(0.1)
    pool.terminate()
    pool.join()
    print([w.exitcode for w in workers], r.ready())  # expect: [-15, -15] False
    try:
        pool.apply_async(slow, (3,))
    except ValueError as e:
        print(e)  # expect: Pool not running
    with mp.Pool(1) as pool:
        w = pool._pool[0]
        pool.apply_async(slow, (4,))
    pool.join()
    print(w.exitcode, w.is_alive(), mp.active_children())  # expect: -15 False []
