# Byte values must fit in 0..255.
print(bytes([0, 255]))  # expect: b'\x00\xff'
try:
    bytes([-1])
except ValueError as e:
    print(e)  # expect: bytes must be in range(0, 256)
bytes([256])
# error: ValueError: bytes must be in range(0, 256)
