# A tuple can hold mutable objects that change.
t = ([1], 2)
t[0].append(3)
print(t)  # expect: ([1, 3], 2)
print(((1, 2), (3,)))  # expect: ((1, 2), (3,))
print(len(((),)))  # expect: 1
