# Slices compare as the tuples (start, stop, step) and are unhashable in 3.11.
s = slice(1, None, 2)
print(s == slice(1, None, 2), s != slice(1, None, 2), s == slice(1, None, 3))
print(slice(1, 2) < slice(1, 3), slice(2) > slice(1), slice(1, 2) <= slice(1, 2))
print(s == (1, None, 2), s != 5)
try:
    slice(1, None) < slice(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    slice(1) < 3
except TypeError as e:
    print("TypeError", e)
try:
    hash(s)
except TypeError as e:
    print("TypeError", e)

# The expected output (CPython 3.11's):
# expect: True False False
# expect: True True True
# expect: False True
# expect: TypeError '<' not supported between instances of 'NoneType' and 'int'
# expect: TypeError '<' not supported between instances of 'slice' and 'int'
# expect: TypeError unhashable type: 'slice'
