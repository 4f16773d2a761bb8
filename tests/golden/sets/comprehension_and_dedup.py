# Set comprehensions and deduplication.
print({x % 4 for x in range(10)})  # expect: {0, 1, 2, 3}
print(len(set([1, 1, 2, 2, 2])))  # expect: 2
print(sorted(set("mississippi")))  # expect: ['i', 'm', 'p', 's']
print(set(), len(set()))  # expect: set() 0
print({1, 1.0, True})  # expect: {1}
