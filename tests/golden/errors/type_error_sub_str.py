# Strings support + but not -.
a = "abc"
b = "b"
print(a + b)  # expect: abcb
a - b
# error: TypeError: unsupported operand type(s) for -: 'str' and 'str'
