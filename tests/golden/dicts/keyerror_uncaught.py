# An uncaught KeyError shows the key's repr.
d = {'y': 1}
print(d.get('x'))  # expect: None
print('x' in d)  # expect: False
d['x']
# error: KeyError: 'x'
