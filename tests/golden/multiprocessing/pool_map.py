# Pool: map, starmap, imap, imap_unordered, apply_async(...).get(timeout),
# apply, close/join; results in order whatever worker computed them.
import multiprocessing as mp


def square(x):
    return x * x


def power(base, exp=2):
    return base ** exp


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(square, range(10)))  # expect: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
        print(pool.map(square, range(50), chunksize=7)[-3:])  # expect: [2209, 2304, 2401]
        print(pool.starmap(power, [(2, 3), (3, 2), (10, 0)]))  # expect: [8, 9, 1]
        print(list(pool.imap(square, [4, 5])))  # expect: [16, 25]
        print(sorted(pool.imap_unordered(square, [6, 7, 8])))  # expect: [36, 49, 64]
        r = pool.apply_async(power, (2,), {"exp": 10})
        print(r.get(timeout=10), r.ready(), r.successful())  # expect: 1024 True True
        print(pool.apply(power, (5,)))  # expect: 25
        print(pool.map(square, []))  # expect: []
    pool = mp.Pool(3)
    res = pool.map_async(square, range(100))
    pool.close()
    pool.join()
    print(sum(res.get()))  # expect: 328350
    try:
        pool.map(square, [1])
    except ValueError as e:
        print(e)  # expect: Pool not running
    print(mp.active_children())  # expect: []
