# lru_cache shared by threads: every call counted once, size bounded, results correct
import functools, threading
@functools.lru_cache(maxsize=50)
def square(x):
    return x * x
errors = []
def worker(seed):
    for i in range(400):
        k = (i * 7 + seed) % 90
        if square(k) != k * k:
            errors.append(k)
threads = [threading.Thread(target=worker, args=(s,)) for s in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
info = square.cache_info()
print(errors, info.hits + info.misses, info.currsize, info.maxsize)
print([square(k) for k in (3, 89)], square.cache_info().currsize)

# expect: [] 1600 50 50
# expect: [9, 7921] 50
