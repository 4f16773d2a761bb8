# Unpacking a non-iterable value is a TypeError.
a, b = 5, 6
print(a, b)  # expect: 5 6
value = 5
a, b = value
# error: TypeError: cannot unpack non-iterable int object
