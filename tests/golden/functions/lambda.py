# Lambdas are anonymous single-expression functions.
sq = lambda x: x * x
print(sq(7))  # expect: 49
add = lambda a, b=10: a + b
print(add(1), add(1, 2))  # expect: 11 3
print((lambda *a, **k: (a, k))(1, x=2))  # expect: ((1,), {'x': 2})
print(sorted([3, -4, 1], key=lambda v: -abs(v)))  # expect: [-4, 3, 1]
print((lambda: None)())  # expect: None
