# Reading slices.
a = list(range(10))
print(a[2:5], a[:3], a[7:])  # expect: [2, 3, 4] [0, 1, 2] [7, 8, 9]
print(a[::3])  # expect: [0, 3, 6, 9]
print(a[::-2])  # expect: [9, 7, 5, 3, 1]
print(a[-3:-1])  # expect: [7, 8]
print(a[5:100], a[100:])  # expect: [5, 6, 7, 8, 9] []
b = a[:]
b[0] = 99
print(a[0], b[0])  # expect: 0 99
