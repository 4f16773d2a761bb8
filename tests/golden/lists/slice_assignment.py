# Assigning to slices can grow or shrink the list.
a = [0, 1, 2, 3, 4]
a[1:3] = ['a', 'b', 'c']
print(a)  # expect: [0, 'a', 'b', 'c', 3, 4]
a[1:4] = []
print(a)  # expect: [0, 3, 4]
a[1:1] = [9, 9]
print(a)  # expect: [0, 9, 9, 3, 4]
a[:] = "xy"
print(a)  # expect: ['x', 'y']
a[len(a):] = [1]
print(a)  # expect: ['x', 'y', 1]
