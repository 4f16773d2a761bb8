# Union, intersection, difference, symmetric difference.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b)  # expect: {1, 2, 3, 4, 5}
print(a & b)  # expect: {3, 4}
print(a - b)  # expect: {1, 2}
print(a ^ b)  # expect: {1, 2, 5}
print(a.union([9]), a.intersection(b), a.difference(b))  # expect: {1, 2, 3, 4, 9} {3, 4} {1, 2}
print(a.symmetric_difference(b))  # expect: {1, 2, 5}
