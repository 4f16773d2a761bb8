# Lock, RLock, Semaphore and Event work between processes.
import multiprocessing as mp


def waiter(ev, done):
    ev.wait()
    done.release()


if __name__ == "__main__":
    lock = mp.Lock()
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))  # expect: True False False
    lock.release()
    r = mp.RLock()
    print(r.acquire(), r.acquire())  # expect: True True
    r.release()
    r.release()
    b = mp.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print(e)  # expect: semaphore or lock released too many times
    ev = mp.Event()
    done = mp.Semaphore(0)
    ps = [mp.Process(target=waiter, args=(ev, done)) for _ in range(3)]
    for p in ps:
        p.start()
    print(ev.is_set(), done.acquire(timeout=0.05))  # expect: False False
    ev.set()
    print(all(done.acquire(timeout=10) for _ in range(3)))  # expect: True
    for p in ps:
        p.join()
    print([p.exitcode for p in ps])  # expect: [0, 0, 0]
