# Process names (Process-N, in creation order), daemon flags, current_process
# and active_children.
import multiprocessing as mp
import time


def nap():
    time.sleep(0.2)


if __name__ == "__main__":
    a = mp.Process(target=nap)
    b = mp.Process(target=nap, name="worker", daemon=True)
    print(a.name, b.name, a.daemon, b.daemon)  # expect: Process-1 worker False True
    c = mp.Process(target=nap)
    print(c.name)  # expect: Process-3
    print(mp.current_process().name, mp.parent_process())  # expect: MainProcess None
    a.start()
    b.start()
    print(sorted(p.name for p in mp.active_children()))  # expect: ['Process-1', 'worker']
    a.join()
    b.join()
    print(mp.active_children())  # expect: []
    try:
        a.start()
    except AssertionError as e:
        print(e)  # expect: cannot start a process twice
