# split with and without a separator, with maxsplit, and rsplit.
print("  a  b\tc\n".split())  # expect: ['a', 'b', 'c']
print("a,,b,".split(","))  # expect: ['a', '', 'b', '']
print("a,b,c".split(",", 1))  # expect: ['a', 'b,c']
print("a,b,c".rsplit(",", 1))  # expect: ['a,b', 'c']
print("".split())  # expect: []
print("".split(","))  # expect: ['']
print("a--b--c".split("--"))  # expect: ['a', 'b', 'c']
print("  x y  ".split(None, 1))  # expect: ['x', 'y  ']
