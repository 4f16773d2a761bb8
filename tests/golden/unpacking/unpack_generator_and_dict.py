# Any iterable can be unpacked; a dict unpacks its keys.
a, b, c = (x * 2 for x in range(3))
print(a, b, c)  # expect: 0 2 4
k1, k2 = {'first': 1, 'second': 2}
print(k1, k2)  # expect: first second
first, *rest = {'a', 'a'}
print(first, rest)  # expect: a []
