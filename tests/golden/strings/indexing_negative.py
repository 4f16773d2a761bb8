# Indexing with positive and negative indexes.
s = "python"
print(s[0], s[5], s[-1], s[-6])  # expect: p n n p
try:
    s[6]
except IndexError as e:
    print(e)  # expect: string index out of range
try:
    s[-7]
except IndexError as e:
    print(e)  # expect: string index out of range
