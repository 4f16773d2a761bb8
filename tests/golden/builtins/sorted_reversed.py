# sorted returns a new list; reversed returns an iterator.
data = [3, 1, 2]
print(sorted(data), data)  # expect: [1, 2, 3] [3, 1, 2]
print(sorted("bca"), sorted(data, reverse=True))  # expect: ['a', 'b', 'c'] [3, 2, 1]
print(sorted(["b", "A", "c"], key=str.lower))  # expect: ['A', 'b', 'c']
print(list(reversed(data)), list(reversed(range(3))), ''.join(reversed("abc")))  # expect: [2, 1, 3] [2, 1, 0] cba
print(sorted({'b': 1, 'a': 2}))  # expect: ['a', 'b']
