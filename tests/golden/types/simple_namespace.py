# types.SimpleNamespace: keyword construction, repr, equality, attribute changes
import types
ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns.c)
del ns.b
print(ns, vars(ns))
print(ns == types.SimpleNamespace(a=1, c=[3]), ns == types.SimpleNamespace(a=1), ns != 5)
print(types.SimpleNamespace())
class Point(types.SimpleNamespace):
    pass
print(Point(x=1, y=2))
try:
    hash(ns)
except TypeError as e:
    print('TypeError:', e)

# expect: namespace(a=1, b='two', c=[3]) 1 [3]
# expect: namespace(a=1, c=[3]) {'a': 1, 'c': [3]}
# expect: True False True
# expect: namespace()
# expect: Point(x=1, y=2)
# expect: TypeError: unhashable type: 'types.SimpleNamespace'
