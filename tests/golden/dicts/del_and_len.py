# del, len, clear and iteration over keys.
d = {i: str(i) for i in range(5)}
del d[2]
print(len(d), d)  # expect: 4 {0: '0', 1: '1', 3: '3', 4: '4'}
print(sorted(d, reverse=True))  # expect: [4, 3, 1, 0]
d.clear()
print(d, len(d))  # expect: {} 0
