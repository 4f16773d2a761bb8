# Targets are assigned left to right.
a = [0, 0, 0]
i = 0
i, a[i] = 1, 'x'
print(i, a)  # expect: 1 [0, 'x', 0]
