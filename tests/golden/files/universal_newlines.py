# Text mode reading turns \r\n and \r into \n.
with open("crlf.txt", "wb") as f:
    f.write(b"a\r\nb\rc\n")
with open("crlf.txt") as f:
    print(repr(f.read()))  # expect: 'a\nb\nc\n'
with open("crlf.txt") as f:
    print(f.readlines())  # expect: ['a\n', 'b\n', 'c\n']
