# List comprehensions with conditions and nested loops.
print([x * 2 for x in range(5)])  # expect: [0, 2, 4, 6, 8]
print([x for x in range(10) if x % 3 == 0])  # expect: [0, 3, 6, 9]
print([(i, j) for i in range(3) for j in range(i)])  # expect: [(1, 0), (2, 0), (2, 1)]
print([[j for j in range(i)] for i in range(3)])  # expect: [[], [0], [0, 1]]
print([x if x % 2 else -x for x in range(4)])  # expect: [0, 1, -2, 3]
