# Nested containers print with reprs of their items.
d = {'list': [1, 'two'], 'tuple': (3,), 'none': None, 'str': "it's", 5: {'in': True}}
print(d)
# expect: {'list': [1, 'two'], 'tuple': (3,), 'none': None, 'str': "it's", 5: {'in': True}}
print(str({'a': 'b'}))  # expect: {'a': 'b'}
