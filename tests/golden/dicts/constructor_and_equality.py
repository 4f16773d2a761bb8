# dict() forms; equality ignores order.
print(dict(a=1, b=2))  # expect: {'a': 1, 'b': 2}
print(dict([('x', 1), ('y', 2)]))  # expect: {'x': 1, 'y': 2}
print(dict(zip('ab', [1, 2])))  # expect: {'a': 1, 'b': 2}
print({'a': 1, 'b': 2} == {'b': 2, 'a': 1})  # expect: True
print(dict.fromkeys(['p', 'q'], 0))  # expect: {'p': 0, 'q': 0}
d = {'n': [1]}
c = d.copy()
c['n'].append(2)
print(d)  # expect: {'n': [1, 2]}
