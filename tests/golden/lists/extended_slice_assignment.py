# Extended slices can be assigned only with the same length.
a = list(range(6))
a[::2] = ['a', 'b', 'c']
print(a)  # expect: ['a', 1, 'b', 3, 'c', 5]
a[::-1] = range(6)
print(a)  # expect: [5, 4, 3, 2, 1, 0]
try:
    a[::2] = [1, 2]
except ValueError as e:
    print(e)  # expect: attempt to assign sequence of size 2 to extended slice of size 3
