# Parameters after * or *args are keyword-only.
def f(a, *, b, c=3):
    return a + b + c
print(f(1, b=2))  # expect: 6
print(f(1, c=0, b=2))  # expect: 3
def g(*args, sep='-'):
    return sep.join(args)
print(g('x', 'y'), g('x', 'y', sep='+'))  # expect: x-y x+y
try:
    f(1, 2)
except TypeError as e:
    print(e)  # expect: f() takes 1 positional argument but 2 were given
