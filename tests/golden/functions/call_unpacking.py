# Calls can unpack several iterables and mappings.
def f(a, b, c, d):
    return a, b, c, d
print(f(*[1], *(2, 3), 4))  # expect: (1, 2, 3, 4)
print(f(1, *[2], **{'d': 4, 'c': 3}))  # expect: (1, 2, 3, 4)
print(f(**{'a': 1}, b=2, **{'c': 3, 'd': 4}))  # expect: (1, 2, 3, 4)
args = range(4)
print(f(*args))  # expect: (0, 1, 2, 3)
