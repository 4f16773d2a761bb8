# range objects: repr, len, indexing, slicing, membership.
r = range(1, 10, 2)
print(r, range(5))  # expect: range(1, 10, 2) range(0, 5)
print(len(r), r[0], r[-1], r[2])  # expect: 5 1 9 5
print(r[1:3], list(r[::-1]))  # expect: range(3, 7, 2) [9, 7, 5, 3, 1]
print(5 in r, 4 in r, r.index(7))  # expect: True False 3
print(range(0) == range(5, 5), range(1, 3) == range(1, 4))  # expect: True False
