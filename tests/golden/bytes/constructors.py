# Building bytes from lists, sizes and strings.
print(bytes([65, 66, 67]))  # expect: b'ABC'
print(bytes(3))  # expect: b'\x00\x00\x00'
print(bytes("é", "utf-8"))  # expect: b'\xc3\xa9'
print(bytes())  # expect: b''
print(bytes(range(5)))  # expect: b'\x00\x01\x02\x03\x04'
