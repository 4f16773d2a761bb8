# Sets of ints after growing past the initial table.
s = {i * 7 for i in range(10)}
print(s)  # expect: {0, 35, 7, 42, 14, 49, 21, 56, 28, 63}
t = set(range(20, 0, -3))
print(t)  # expect: {2, 5, 8, 11, 14, 17, 20}
u = set(range(12))
for i in range(0, 12, 2):
    u.discard(i)
u.add(40)
print(u)  # expect: {1, 3, 5, 7, 9, 40, 11}
