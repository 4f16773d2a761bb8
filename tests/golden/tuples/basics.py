# Tuple displays, single-element tuples and indexing.
t = (1, 'a', 2.5)
print(t, len(t), t[1], t[-1])  # expect: (1, 'a', 2.5) 3 a 2.5
print((1,), (), tuple())  # expect: (1,) () ()
x = 1, 2
print(x, type(x).__name__)  # expect: (1, 2) tuple
print((1) == 1)  # expect: True
print(tuple("ab"), tuple([3, 4]))  # expect: ('a', 'b') (3, 4)
