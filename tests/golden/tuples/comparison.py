# Tuples compare element by element.
print((1, 2) < (1, 3))  # expect: True
print((1, 2) < (1, 2, 0))  # expect: True
print((2,) > (1, 99))  # expect: True
print((1, 'a') == (1, 'a'))  # expect: True
print(max([(1, 'b'), (1, 'c'), (0, 'z')]))  # expect: (1, 'c')
