# An exception in a mapped call is raised when its result is reached; earlier results come first.
from concurrent.futures import ThreadPoolExecutor

def inv(x):
    return 10 // x

with ThreadPoolExecutor(2) as ex:
    it = ex.map(inv, [1, 2, 0, 5])
    print(next(it), next(it))  # expect: 10 5
    try:
        next(it)
    except ZeroDivisionError as e:
        print('raised', e)  # expect: raised integer division or modulo by zero
