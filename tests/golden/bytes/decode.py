# Decoding UTF-8 bytes to str, and a decoding error.
print(b"caf\xc3\xa9".decode())  # expect: café
print(len(b"caf\xc3\xa9"), len(b"caf\xc3\xa9".decode()))  # expect: 5 4
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, isinstance(e, ValueError))  # expect: UnicodeDecodeError True
