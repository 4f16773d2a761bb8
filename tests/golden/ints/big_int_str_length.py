# Converting a large power of two to decimal.
s = str(2 ** 1000)
print(len(s))  # expect: 302
print(s[:10], s[-10:])  # expect: 1071508607 5668069376
print(sum(int(c) for c in s))  # expect: 1366
