# Sorting records by one field keeps the original order of ties.
rows = [("ann", 3), ("bob", 1), ("cid", 3), ("dan", 2), ("eve", 1)]
print(sorted(rows, key=lambda r: r[1]))
# expect: [('bob', 1), ('eve', 1), ('dan', 2), ('ann', 3), ('cid', 3)]
print(sorted(rows, key=lambda r: r[1], reverse=True))
# expect: [('ann', 3), ('cid', 3), ('dan', 2), ('bob', 1), ('eve', 1)]
print(sorted(rows)[0])  # expect: ('ann', 3)
