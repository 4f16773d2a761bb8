# Functions are values: stored, passed and returned.
def double(x):
    return 2 * x
ops = {'d': double, 'neg': lambda x: -x}
print(ops['d'](4), ops['neg'](4))  # expect: 8 -4
print(list(map(double, [1, 2])))  # expect: [2, 4]
print(double.__name__, callable(double))  # expect: double True
def compose(f, g):
    return lambda x: f(g(x))
print(compose(double, ops['neg'])(5))  # expect: -10
