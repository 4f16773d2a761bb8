# Text files encode characters as UTF-8 bytes.
with open("u.txt", "w", encoding="utf-8") as f:
    f.write("héllo €\n")
with open("u.txt", encoding="utf-8") as f:
    s = f.read()
with open("u.txt", "rb") as f:
    b = f.read()
print(len(s), len(b))  # expect: 8 11
print(s.strip(), b)  # expect: héllo € b'h\xc3\xa9llo \xe2\x82\xac\n'
