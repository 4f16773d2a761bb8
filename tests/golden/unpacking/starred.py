# Starred targets collect the rest into a list.
a, *b = [1, 2, 3]
print(a, b)  # expect: 1 [2, 3]
*a, b = range(4)
print(a, b)  # expect: [0, 1, 2] 3
a, *b, c = "hello"
print(a, b, c)  # expect: h ['e', 'l', 'l'] o
a, *b, c = (1, 2)
print(a, b, c)  # expect: 1 [] 2
