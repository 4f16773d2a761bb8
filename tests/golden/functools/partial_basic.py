# functools.partial: call merging, attributes, flattening, repr, errors
from functools import partial
def f(a, b, c=3, **kw):
    return (a, b, c, kw)
p = partial(f, 1, c=9)
print(p(2), p(2, c=4, d=5))
print(p.func is f, p.args, p.keywords)
q = partial(p, 2, e=6)
print(q.func is f, q.args, q.keywords, q())
print(repr(partial(f, 1, 'x', k=[2])).replace(hex(id(f)), 'ADDR'))
class MyPartial(partial):
    pass
print(repr(MyPartial(f, 1)).replace(hex(id(f)), 'ADDR'))
int2 = partial(int, base=2)
print(int2('1011'), int2('11', base=10))
try:
    partial(5)
except TypeError as e:
    print('TypeError:', e)

# expect: (1, 2, 9, {}) (1, 2, 4, {'d': 5})
# expect: True (1,) {'c': 9}
# expect: True (1, 2) {'c': 9, 'e': 6} (1, 2, 9, {'e': 6})
# expect: functools.partial(<function f at ADDR>, 1, 'x', k=[2])
# expect: MyPartial(<function f at ADDR>, 1)
# expect: 11 11
# expect: TypeError: the first argument must be callable
