# encode to UTF-8 bytes and decode back.
b = "héllo €".encode()
print(b)  # expect: b'h\xc3\xa9llo \xe2\x82\xac'
print(len(b))  # expect: 10
print(b.decode("utf-8"))  # expect: héllo €
print("abc".encode("ascii"))  # expect: b'abc'
