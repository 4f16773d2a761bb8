# In-place set operations.
s = {1, 2}
s.update([3, 4], (5,))
print(s)  # expect: {1, 2, 3, 4, 5}
s |= {6}
s -= {1, 2}
s &= {3, 4, 6, 7}
print(s)  # expect: {3, 4, 6}
print(sorted(s, reverse=True))  # expect: [6, 4, 3]
