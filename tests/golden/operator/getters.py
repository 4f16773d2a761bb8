# operator.itemgetter / attrgetter / methodcaller: results, dotted names, reprs and errors
import operator as op
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct='!'):
        return greeting + ' ' + self.name + punct
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=op.itemgetter(1)), op.itemgetter(1, 0)(rows[0]), op.itemgetter('k')({'k': 5}))
p = P('ann', P('bob'))
print(op.attrgetter('name')(p), op.attrgetter('inner.name', 'name')(p))
print(op.methodcaller('greet', 'hi')(p), op.methodcaller('greet', 'yo', punct='?')(p))
print(op.itemgetter(1), op.itemgetter(1, 'x'))
print(op.attrgetter('a'), op.attrgetter('a', 'b.c'))
print(op.methodcaller('f'), op.methodcaller('f', 1, k='v'))
print(list(map(op.methodcaller('upper'), ['a', 'b'])))
for bad in [lambda: op.attrgetter(1), lambda: op.methodcaller(2)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)

# expect: [('c', 1), ('b', 2), ('a', 3)] (2, 'b') 5
# expect: ann ('bob', 'ann')
# expect: hi ann! yo ann?
# expect: operator.itemgetter(1) operator.itemgetter(1, 'x')
# expect: operator.attrgetter('a') operator.attrgetter('a', 'b.c')
# expect: operator.methodcaller('f') operator.methodcaller('f', 1, k='v')
# expect: ['A', 'B']
# expect: TypeError: attribute name must be a string
# expect: TypeError: method name must be a string
