# A tight loop of a million iterations finishes in time.
total = 0
i = 0
while i < 1000000:
    total += i & 7
    i += 1
print(total)  # expect: 3500000
