# An empty separator is an error.
print("ab".split("b"))  # expect: ['a', '']
print(list("abc"))  # expect: ['a', 'b', 'c']
sep = ""
"abc".split(sep)
# error: ValueError: empty separator
