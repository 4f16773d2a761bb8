# bytes repr escapes non-printable bytes and picks quotes like str.
print(b"\t\n\r\\")  # expect: b'\t\n\r\\'
print(b"\x7f\x80")  # expect: b'\x7f\x80'
print(b"'")  # expect: b"'"
print(b"'\"")  # expect: b'\'"'
print(b" ~")  # expect: b' ~'
