# Pool.terminate (and leaving a `with Pool` block) stops the workers even in
# the middle of a task; the pool then refuses work. Each task says it has
# started through an Event the forked workers inherit, so the terminate
# always falls inside a task (a worker that had not taken one yet could end
# on its own, with exit code 0, in CPython as in gilvm).
import multiprocessing as mp
import time

started = None


def slow(x):
    started.set()
    time.sleep(30)
    return x


if __name__ == "__main__":
    mp.set_start_method("fork")
    started = mp.Event()
    pool = mp.Pool(2)
    workers = list(pool._pool)
    r = pool.map_async(slow, [1, 2])
    started.wait(10)
    time.sleep(0.1)  # the second worker takes the second item meanwhile
    pool.terminate()
    pool.join()
    print([w.exitcode for w in workers], r.ready())  # expect: [-15, -15] False
    try:
        pool.apply_async(slow, (3,))
    except ValueError as e:
        print(e)  # expect: Pool not running
    started.clear()
    with mp.Pool(1) as pool:
        w = pool._pool[0]
        pool.apply_async(slow, (4,))
        print(started.wait(10))  # expect: True
    pool.join()
    print(w.exitcode, w.is_alive(), mp.active_children())  # expect: -15 False []
