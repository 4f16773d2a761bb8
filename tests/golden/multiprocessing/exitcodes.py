# Process.exitcode: 0, sys.exit codes, and -N for a child killed by signal N.
import multiprocessing as mp
import sys
import time


def nothing():
    pass


def leave(code):
    sys.exit(code)


def sleep():
    time.sleep(30)


if __name__ == "__main__":
    p = mp.Process(target=nothing)
    print(p.exitcode, p.pid, p.is_alive())  # expect: None None False
    p.start()
    p.join()
    print(p.exitcode, p.is_alive())  # expect: 0 False
    codes = []
    for arg in (3, None, 0):
        p = mp.Process(target=leave, args=(arg,))
        p.start()
        p.join()
        codes.append(p.exitcode)
    print(codes)  # expect: [3, 0, 0]
    p = mp.Process(target=sleep)
    p.start()
    p.join(0.05)
    print(p.is_alive(), p.exitcode)  # expect: True None
    p.kill()
    p.join()
    print(p.is_alive(), p.exitcode)  # expect: False -9
    p = mp.Process(target=sleep)
    p.start()
    p.terminate()
    p.join()
    print(p.exitcode)  # expect: -15
