# Rebinding the source name after creating a generator expression does not matter.
a = [1, 2, 3]
g = (x + 1 for x in a)
a = [100]
print(list(g))  # expect: [2, 3, 4]
b = [1, 2]
h = (x for x in b)
b.append(3)
print(list(h))  # expect: [1, 2, 3]
