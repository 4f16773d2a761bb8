# ProcessPoolExecutor runs calls in other processes; map with chunksize keeps the order.
from concurrent.futures import ProcessPoolExecutor
import os

def square(x):
    return x * x

def pid_of(_):
    return os.getpid()

if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(ex.submit(square, 12).result())  # expect: 144
        print(list(ex.map(square, range(10), chunksize=3)))  # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        print(sum(ex.map(square, range(1000), chunksize=50)))  # expect: 332833500
        print(os.getpid() in set(ex.map(pid_of, range(4))))  # expect: False
        print(ex.submit(divmod, 17, 5).result())  # expect: (3, 2)
    try:
        ProcessPoolExecutor(2).map(square, [1], chunksize=0)
    except ValueError as e:
        print(e)  # expect: chunksize must be >= 1.
