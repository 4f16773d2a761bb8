# *args collects extra positional arguments into a tuple.
def f(a, *args):
    return a, args
print(f(1))  # expect: (1, ())
print(f(1, 2, 3))  # expect: (1, (2, 3))
print(f(*[4, 5], 6))  # expect: (4, (5, 6))
print(f(*"ab", *(1,)))  # expect: ('a', ('b', 1))
