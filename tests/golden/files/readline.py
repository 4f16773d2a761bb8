# readline returns one line with its newline, and '' at end of file.
with open("lines.txt", "w") as f:
    f.write("first\nsecond\nlast")
with open("lines.txt") as f:
    print(repr(f.readline()))  # expect: 'first\n'
    print(repr(f.readline()))  # expect: 'second\n'
    print(repr(f.readline()))  # expect: 'last'
    print(repr(f.readline()))  # expect: ''
