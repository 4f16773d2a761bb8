# print(..., file=f) writes to a file.
with open("out.txt", "w") as f:
    print("a", 1, sep=":", file=f)
    print("b", end="!", file=f)
with open("out.txt") as f:
    print(repr(f.read()))  # expect: 'a:1\nb!'
