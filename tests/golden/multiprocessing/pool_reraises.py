# An exception in a pool worker is re-raised in the parent by map() and by
# get(): the same type and message, the worker's traceback as __cause__.
import multiprocessing as mp


class Custom(Exception):
    pass


def check(x):
    if x == 3:
        raise ValueError(f"bad value {x}")
    if x == 4:
        raise Custom("custom", x)
    return x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            pool.map(check, [1, 3, 5])
        except ValueError as e:
            print(type(e).__name__, e)  # expect: ValueError bad value 3
            cause = e.__cause__
            print(type(cause).__name__, "in check" in str(cause))  # expect: RemoteTraceback True
        r = pool.apply_async(check, (4,))
        try:
            r.get(timeout=10)
        except Custom as e:
            print(type(e).__name__, e.args)  # expect: Custom ('custom', 4)
        print(r.ready(), r.successful())  # expect: True False
        errors = []
        r = pool.map_async(check, [1, 3], error_callback=errors.append)
        r.wait(10)
        print([type(x).__name__ for x in errors])  # expect: ['ValueError']
        print(pool.map(check, [0, 1, 2]))  # expect: [0, 1, 2]
