# A missing key raises KeyError whose str is the key's repr.
d = {'a': 1}
try:
    d['x']
except KeyError as e:
    print(repr(e))  # expect: KeyError('x')
    print(str(e))  # expect: 'x'
    print(e.args)  # expect: ('x',)
try:
    d.pop('y')
except KeyError as e:
    print(e)  # expect: 'y'
