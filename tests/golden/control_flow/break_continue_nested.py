# break and continue affect only the innermost loop.
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if j == 2:
            break
        print(i, j)
# expect: 0 0
# expect: 1 0
# expect: 2 0
total = 0
for k in range(10):
    if k % 2:
        continue
    total += k
print(total)  # expect: 20
