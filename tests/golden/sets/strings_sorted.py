# Sets of strings: only their sorted contents are printed.
words = "the cat and the hat and the bat".split()
s = set(words)
print(len(s))  # expect: 5
print(sorted(s))  # expect: ['and', 'bat', 'cat', 'hat', 'the']
print('cat' in s, 'dog' in s)  # expect: True False
print(sorted(s - {'the', 'and'}))  # expect: ['bat', 'cat', 'hat']
