# Iterating a non-iterable is a TypeError.
for x in [42]:
    print(x)  # expect: 42
n = 42
for x in n:
    pass
# error: TypeError: 'int' object is not iterable
