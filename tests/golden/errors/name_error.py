# Using a name that was never assigned.
a = 1
b = 2
print(a + b)  # expect: 3
print(x)
# error: NameError: name 'x' is not defined
