# Chained assignment binds every target to the same object.
a = b = []
a.append(1)
print(a, b, a is b)  # expect: [1] [1] True
x = y, z = 1, 2
print(x, y, z)  # expect: (1, 2) 1 2
