# Missing attribute on an int.
n = 5
print(n.bit_length())  # expect: 3
print(n.real)  # expect: 5
n.foo
# error: AttributeError: 'int' object has no attribute 'foo'
