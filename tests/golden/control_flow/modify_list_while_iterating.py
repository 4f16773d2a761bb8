# Iterating a list that grows visits the new items.
items = [1, 2]
for x in items:
    if x < 4:
        items.append(x + 2)
print(items)  # expect: [1, 2, 3, 4, 5]
