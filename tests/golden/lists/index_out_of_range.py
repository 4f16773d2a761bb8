# Assignment past the end is an IndexError.
a = [1, 2, 3]
a[-3] = 0
print(a)  # expect: [0, 2, 3]
a[3] = 4
# error: IndexError: list assignment index out of range
