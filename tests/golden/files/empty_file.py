# An empty file reads as '' and iterates no lines.
open("empty.txt", "w").close()
with open("empty.txt") as f:
    print(repr(f.read()))  # expect: ''
with open("empty.txt") as f:
    print(list(f), repr(f.readline()))  # expect: [] ''
