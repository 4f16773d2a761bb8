# pprint.pprint/pformat wrap nested dicts, lists, tuples and sets at the width, dicts sorted
import pprint
data = {'name': 'gilvm', 'tags': ['interpreter', 'gil', 'threads', 'bytecode', 'python'],
        'versions': (3, 11, 7), 'deps': {'zlib': {'min': 1, 'max': 2}, 'openssl': None},
        'ids': {5, 3, 9, 1}, 'empty': [], 'one': (1,)}
pprint.pprint(data)
pprint.pprint(data, width=40)
print(pprint.pformat(data, width=30, indent=4))
pprint.pprint(list(range(30)), width=40, compact=True)
pprint.pprint({'b': 1, 'a': 2, 'c': [3] * 20}, sort_dicts=False, width=30)

# expect: {'deps': {'openssl': None, 'zlib': {'max': 2, 'min': 1}},
# expect:  'empty': [],
# expect:  'ids': {9, 3, 5, 1},
# expect:  'name': 'gilvm',
# expect:  'one': (1,),
# expect:  'tags': ['interpreter', 'gil', 'threads', 'bytecode', 'python'],
# expect:  'versions': (3, 11, 7)}
# expect: {'deps': {'openssl': None,
# expect:           'zlib': {'max': 2, 'min': 1}},
# expect:  'empty': [],
# expect:  'ids': {9, 3, 5, 1},
# expect:  'name': 'gilvm',
# expect:  'one': (1,),
# expect:  'tags': ['interpreter',
# expect:           'gil',
# expect:           'threads',
# expect:           'bytecode',
# expect:           'python'],
# expect:  'versions': (3, 11, 7)}
# expect: {   'deps': {   'openssl': None,
# expect:                 'zlib': {   'max': 2,
# expect:                             'min': 1}},
# expect:     'empty': [],
# expect:     'ids': {9, 3, 5, 1},
# expect:     'name': 'gilvm',
# expect:     'one': (1,),
# expect:     'tags': [   'interpreter',
# expect:                 'gil',
# expect:                 'threads',
# expect:                 'bytecode',
# expect:                 'python'],
# expect:     'versions': (3, 11, 7)}
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
# expect:  12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
# expect:  22, 23, 24, 25, 26, 27, 28, 29]
# expect: {'b': 1,
# expect:  'a': 2,
# expect:  'c': [3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3,
# expect:        3]}
