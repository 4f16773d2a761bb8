# lru_cache used bare, with maxsize=None, maxsize=0, typed=True, kwargs keys, and functools.cache
import functools
@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90), fib.cache_info())
@functools.cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info())
@functools.lru_cache(maxsize=0)
def ident(x):
    return x
ident(1); ident(1)
print(ident.cache_info())
@functools.lru_cache(typed=True)
def kind(x):
    return type(x).__name__
print(kind(1), kind(1.0), kind(True), kind.cache_info())
@functools.lru_cache(maxsize=-5)
def g(a, b=0):
    return a + b
g(1, b=2); g(1, b=2); g(b=2, a=1)
print(g.cache_info(), g.cache_parameters())
try:
    functools.lru_cache('x')
except TypeError as e:
    print('TypeError:', e)

# expect: 2880067194370816120 CacheInfo(hits=88, misses=91, maxsize=128, currsize=91)
# expect: 2432902008176640000 CacheInfo(hits=0, misses=21, maxsize=None, currsize=21)
# expect: CacheInfo(hits=0, misses=2, maxsize=0, currsize=0)
# expect: int float bool CacheInfo(hits=0, misses=3, maxsize=128, currsize=3)
# expect: CacheInfo(hits=0, misses=3, maxsize=0, currsize=0) {'maxsize': 0, 'typed': False}
# expect: TypeError: Expected first argument to be an integer, a callable, or None
