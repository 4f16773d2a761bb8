# Common bytes methods.
b = b"  a,b,c  "
print(b.strip())  # expect: b'a,b,c'
print(b.strip().split(b","))  # expect: [b'a', b'b', b'c']
print(b"-".join([b"x", b"y"]))  # expect: b'x-y'
print(b"hello".find(b"l"), b"hello".count(b"l"))  # expect: 2 2
print(b"hello".replace(b"l", b"L"))  # expect: b'heLLo'
print(b"hello".upper(), b"Hi".startswith(b"H"))  # expect: b'HELLO' True
print(b"\xde\xad".hex())  # expect: dead
