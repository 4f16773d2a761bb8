# 1, 1.0 and True are the same key; the first key object is kept.
d = {1: 'a', True: 'b', 1.0: 'c'}
print(d)  # expect: {1: 'c'}
d2 = {}
d2[0] = 'x'
d2[False] = 'y'
print(d2)  # expect: {0: 'y'}
print({1: 1} == {1.0: 1})  # expect: True
