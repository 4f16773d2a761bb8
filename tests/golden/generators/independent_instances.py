# Each call of a generator function gives an independent iterator.
def count(n):
    for i in range(n):
        yield i
a, b = count(3), count(3)
print(next(a), next(a), next(b))  # expect: 0 1 0
print(iter(a) is a)  # expect: True
print(list(a), list(b))  # expect: [2] [1, 2]
