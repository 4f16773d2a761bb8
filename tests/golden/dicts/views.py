# keys, values and items in insertion order.
d = {'x': 1, 'y': 2}
print(list(d.keys()), list(d.values()))  # expect: ['x', 'y'] [1, 2]
print(list(d.items()))  # expect: [('x', 1), ('y', 2)]
for k, v in d.items():
    print(k, v)
# expect: x 1
# expect: y 2
print('x' in d, 1 in d, 1 in d.values())  # expect: True False True
print(len(d.keys()))  # expect: 2
