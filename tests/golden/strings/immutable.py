# Strings cannot be modified in place.
s = "abc"
print(s[0])  # expect: a
s[0] = "x"
# error: TypeError: 'str' object does not support item assignment
