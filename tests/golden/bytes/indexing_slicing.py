# Indexing bytes gives ints; slicing gives bytes.
b = b"hello"
print(b[0], b[-1])  # expect: 104 111
print(b[1:3])  # expect: b'el'
print(b[::-1])  # expect: b'olleh'
print(list(b[:2]))  # expect: [104, 101]
print(type(b[0]).__name__, type(b[0:1]).__name__)  # expect: int bytes
