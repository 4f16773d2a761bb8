# spawn: a fresh interpreter imports this file as __mp_main__, so the code
# under the __main__ guard runs in the parent only; arguments (a queue, a
# lock, a value) arrive pickled.
import multiprocessing as mp

print("imported as", __name__)


def child(q, lock, total, x):
    with lock:
        total.value += x
    q.put((__name__, mp.current_process().name, x * 10))


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    lock = ctx.Lock()
    total = ctx.Value("i", 100)
    p = ctx.Process(target=child, args=(q, lock, total, 7))
    p.start()
    print(q.get(timeout=10))
    p.join()
    print(p.exitcode, total.value)
# expect: imported as __main__
# expect: imported as __mp_main__
# expect: ('__mp_main__', 'SpawnProcess-1', 70)
# expect: 0 107
