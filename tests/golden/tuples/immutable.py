# Tuples do not support item assignment.
t = (1, 2)
t = t + (3,)
print(t)  # expect: (1, 2, 3)
t[0] = 5
# error: TypeError: 'tuple' object does not support item assignment
