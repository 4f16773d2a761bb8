# Slices with steps, negative steps and out-of-range bounds.
s = "abcdefghij"
print(s[2:5])  # expect: cde
print(s[::2])  # expect: acegi
print(s[1::3])  # expect: beh
print(s[::-1])  # expect: jihgfedcba
print(s[-3:])  # expect: hij
print(s[:-3])  # expect: abcdefg
print(s[8:2:-2])  # expect: ige
print(s[-100:100])  # expect: abcdefghij
print(repr(s[5:2]))  # expect: ''
print(s[::-3])  # expect: jgda
