# ProcessPoolExecutor with a spawn context: workers import the main module and run its functions.
from concurrent.futures import ProcessPoolExecutor
import multiprocessing

def cube(x):
    return x ** 3

if __name__ == '__main__':
    ctx = multiprocessing.get_context('spawn')
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        print(list(ex.map(cube, range(6))))  # expect: [0, 1, 8, 27, 64, 125]
        print(ex.submit(cube, 10).result())  # expect: 1000
