# Nested unpacking targets.
(a, b), c = (1, 2), 3
print(a, b, c)  # expect: 1 2 3
[x, [y, z]] = ['p', 'qr']
print(x, y, z)  # expect: p q r
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
# expect: 0 a 1
# expect: 1 b 2
