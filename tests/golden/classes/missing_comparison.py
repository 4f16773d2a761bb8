# Ordering objects without comparison methods is a TypeError.
class A:
    pass
a, b = A(), A()
print(a == a, a == b)  # expect: True False
a < b
# error: TypeError: '<' not supported between instances of 'A' and 'A'
