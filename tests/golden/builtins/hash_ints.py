# Hashes of ints are defined by the value (modulo 2**61 - 1), with hash(-1) == -2.
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345))  # expect: 0 1 -2 -2 12345
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))  # expect: 0 1 -2
print(hash(2 ** 100))  # expect: 549755813888
print(hash(True), hash(False), hash(1.0) == hash(1))  # expect: 1 0 True
print(hash(0.5), hash(-1.0))  # expect: 1152921504606846976 -2
