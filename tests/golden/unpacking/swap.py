# Tuple assignment evaluates the right side first.
a, b = 1, 2
a, b = b, a
print(a, b)  # expect: 2 1
x, y, z = 'xyz'
z, x, y = x, y, z
print(x, y, z)  # expect: y z x
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)  # expect: [3, 2, 1]
