# Concatenation, repetition, slicing, count and index.
t = (1, 2, 3)
print(t + (4,))  # expect: (1, 2, 3, 4)
print(t * 2)  # expect: (1, 2, 3, 1, 2, 3)
print(t[::-1], t[1:])  # expect: (3, 2, 1) (2, 3)
print((1, 2, 1).count(1), (1, 2, 1).index(2))  # expect: 2 1
print(2 in t, 5 not in t)  # expect: True True
