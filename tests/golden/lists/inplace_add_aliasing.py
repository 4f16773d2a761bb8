# += on a list extends it in place; + makes a new list.
a = [1]
b = a
a += [2]
print(a, b, a is b)  # expect: [1, 2] [1, 2] True
a = a + [3]
print(a, b, a is b)  # expect: [1, 2, 3] [1, 2] False
c = [0]
c += "hi"
print(c)  # expect: [0, 'h', 'i']
