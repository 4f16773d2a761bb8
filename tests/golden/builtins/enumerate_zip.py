# enumerate with a start, zip of several iterables.
print(list(enumerate("ab")))  # expect: [(0, 'a'), (1, 'b')]
print(list(enumerate("ab", 1)))  # expect: [(1, 'a'), (2, 'b')]
print(list(zip([1, 2, 3], "ab")))  # expect: [(1, 'a'), (2, 'b')]
print(list(zip("ab", "cd", "ef")))  # expect: [('a', 'c', 'e'), ('b', 'd', 'f')]
print(list(zip()), list(zip([1])))  # expect: [] [(1,)]
pairs = [(1, 'x'), (2, 'y')]
nums, chars = zip(*pairs)
print(nums, chars)  # expect: (1, 2) ('x', 'y')
