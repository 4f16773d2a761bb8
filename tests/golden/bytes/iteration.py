# Iterating bytes yields ints.
total = 0
for x in b"\x01\x02\x03":
    total += x
print(total)  # expect: 6
print([c for c in b"AZ"])  # expect: [65, 90]
print(sum(b"abc"))  # expect: 294
