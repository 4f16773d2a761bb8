# min and max with iterables, several arguments, key and default.
print(min([3, 1, 2]), max(3, 1, 2))  # expect: 1 3
print(max(["bb", "a", "ccc"], key=len), min("bb", "a", key=len))  # expect: ccc a
print(min([], default='empty'), max([], default=None))  # expect: empty None
print(max([1, 3, 3], key=lambda x: 0))  # expect: 1
print(min([(2, 'b'), (1, 'z'), (1, 'a')]))  # expect: (1, 'a')
print(max("hello"))  # expect: o
