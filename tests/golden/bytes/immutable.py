# bytes cannot be modified; a new bytes object must be built.
b = b"abc"
print(b"x" + b[1:])  # expect: b'xbc'
print(b)  # expect: b'abc'
b[0] = 1
# error: TypeError: 'bytes' object does not support item assignment
