# Hashes of tuples of ints do not depend on the hash seed.
print(hash(()))  # expect: 5740354900026072187
print(hash((1,)))  # expect: -6644214454873602895
print(hash((1, 2)))  # expect: -3550055125485641917
print(hash((-1,)))  # expect: 8078679518589016365
print(hash(((1, 2), 3)))  # expect: -333907151259015829
print(hash((1, 2)) == hash((1.0, 2)))  # expect: True
