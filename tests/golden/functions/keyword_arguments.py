# Keyword arguments can be given in any order.
def f(a, b, c):
    return (a, b, c)
print(f(1, 2, 3))  # expect: (1, 2, 3)
print(f(c=3, a=1, b=2))  # expect: (1, 2, 3)
print(f(1, c=3, b=2))  # expect: (1, 2, 3)
