# Indexing before the start of a string.
s = "abc"
print(s[-3], s[2])  # expect: a c
print(s[-4])
# error: IndexError: string index out of range
