# reverse, copy, clear and the list() constructor.
a = [1, 2, 3]
a.reverse()
print(a)  # expect: [3, 2, 1]
b = a.copy()
a.clear()
print(a, b)  # expect: [] [3, 2, 1]
print(list(), list((1, 2)), list({'a': 1, 'b': 2}))  # expect: [] [1, 2] ['a', 'b']
print(list(range(3, 0, -1)))  # expect: [3, 2, 1]
