# Building, walking and freeing a 200000-deep nested list.
root = []
cur = root
for _ in range(200000):
    nxt = []
    cur.append(nxt)
    cur = nxt
depth = 0
cur = root
while cur:
    cur = cur[0]
    depth += 1
print(depth)  # expect: 200000
del root, cur, nxt
print("freed")  # expect: freed
