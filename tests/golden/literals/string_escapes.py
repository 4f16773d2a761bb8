# Escape sequences in string literals.
s = "a\tb\nc\\d\x41\u00e9\101"
print(len(s))  # expect: 10
print(s.split("\n"))  # expect: ['a\tb', 'c\\dAéA']
print(s[1] == chr(9), s[3] == chr(10))  # expect: True True
print(repr("\0"))  # expect: '\x00'
print(ord("\n"), ord("\r"), ord("\t"))  # expect: 10 13 9
print(len("\U0001F600"), "\u00e9" == "é")  # expect: 1 True
