# Constructors of the builtin types.
print(int('7'), float('7'), str(7), bool(7))  # expect: 7 7.0 7 True
print(list('ab'), tuple([1]), dict([(1, 2)]), set([2, 2]))  # expect: ['a', 'b'] (1,) {1: 2} {2}
print(bool(''), bool('False'), bool(0.0), bool([[]]))  # expect: False True False True
print(bytes(2), str(b'x'))  # expect: b'\x00\x00' b'x'
print(int(), float(), str() == '', bool(), list(), tuple(), dict())  # expect: 0 0.0 True False [] () {}
