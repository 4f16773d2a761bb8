# Looking up a missing dict key.
d = {'a': 1}
print(d['a'])  # expect: 1
print(d['x'])
# error: KeyError: 'x'
