# **kwargs collects extra keyword arguments into a dict, in call order.
def f(a, **kw):
    return a, kw
print(f(1, z=1, y=2))  # expect: (1, {'z': 1, 'y': 2})
opts = {'b': 2, 'a': 1}
print(f(**opts))  # expect: (1, {'b': 2})
def g(*args, **kwargs):
    return len(args), sorted(kwargs)
print(g(1, 2, x=0, w=1, **{'v': 2}))  # expect: (2, ['v', 'w', 'x'])
