# functools.lru_cache(maxsize=2): LRU eviction order, cache_info, cache_clear, cache_parameters
import functools
@functools.lru_cache(maxsize=2)
def square(x):
    print('compute', x)
    return x * x
for v in [1, 2, 1, 3, 2, 1, 1]:
    square(v)
info = square.cache_info()
print(info)
print(info.hits, info.misses, info.maxsize, info.currsize)
hits, misses, maxsize, currsize = info
print(hits + misses, info == (2, 5, 2, 2), info[1], len(info), tuple(info))
print(square.cache_parameters())
square.cache_clear()
print(square.cache_info())
print(square.__name__, square.__wrapped__(4))

# expect: compute 1
# expect: compute 2
# expect: compute 3
# expect: compute 2
# expect: compute 1
# expect: CacheInfo(hits=2, misses=5, maxsize=2, currsize=2)
# expect: 2 5 2 2
# expect: 7 True 5 4 (2, 5, 2, 2)
# expect: {'maxsize': 2, 'typed': False}
# expect: CacheInfo(hits=0, misses=0, maxsize=2, currsize=0)
# expect: compute 4
# expect: square 16
