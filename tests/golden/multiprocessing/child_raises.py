# A child whose target raises: "Process NAME:" and the traceback on its
# stderr (sent to a file here), exit code 1; the parent goes on.
import multiprocessing as mp
import sys


def fail():
    sys.stderr = open("child_err.txt", "w")
    raise ValueError("no good")


if __name__ == "__main__":
    p = mp.Process(target=fail, name="Fragile")
    p.start()
    p.join()
    print(p.exitcode)  # expect: 1
    with open("child_err.txt") as f:
        lines = f.read().splitlines()
    print(lines[0])  # expect: Process Fragile:
    print(lines[1])  # expect: Traceback (most recent call last):
    print(lines[-1])  # expect: ValueError: no good
