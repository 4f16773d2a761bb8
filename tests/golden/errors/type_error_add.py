# Adding an int and a str.
count = 1
label = 'a'
print(str(count) + label)  # expect: 1a
print(count + label)
# error: TypeError: unsupported operand type(s) for +: 'int' and 'str'
