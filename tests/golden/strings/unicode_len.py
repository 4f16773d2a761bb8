# Strings are sequences of code points, not bytes.
s = "héllo"
print(len(s))  # expect: 5
print(len("日本語"), "日本語"[1])  # expect: 3 本
print(len("😀"), len("a😀b"))  # expect: 1 3
print("a😀b"[::-1])  # expect: b😀a
print(len("é".encode("utf-8")))  # expect: 2
print("naïve".upper())  # expect: NAÏVE
