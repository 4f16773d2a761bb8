# del on items, slices and extended slices.
a = list(range(8))
del a[0]
print(a)  # expect: [1, 2, 3, 4, 5, 6, 7]
del a[-1]
print(a)  # expect: [1, 2, 3, 4, 5, 6]
del a[1:3]
print(a)  # expect: [1, 4, 5, 6]
del a[::2]
print(a)  # expect: [4, 6]
del a[:]
print(a)  # expect: []
