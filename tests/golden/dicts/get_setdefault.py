# get and setdefault.
d = {'a': 1}
print(d.get('a'), d.get('z'), d.get('z', 0))  # expect: 1 None 0
print(d.setdefault('a', 5), d.setdefault('b', []))  # expect: 1 []
d.setdefault('b', []).append(1)
d.setdefault('b', []).append(2)
print(d)  # expect: {'a': 1, 'b': [1, 2]}
