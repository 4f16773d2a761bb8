# Bytes literals and their reprs.
print(b"abc")  # expect: b'abc'
print(b'\x00\xff')  # expect: b'\x00\xff'
print(rb'\n')  # expect: b'\\n'
print(b"it's")  # expect: b"it's"
print(len(b'\t\n'))  # expect: 2
