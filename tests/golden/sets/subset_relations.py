# Subset and superset comparisons.
a = {1, 2}
b = {1, 2, 3}
print(a <= b, a < b, b > a, a < a)  # expect: True True True False
print(a.issubset(b), b.issuperset(a), a.isdisjoint({5}))  # expect: True True True
print({1, 2} == {2, 1})  # expect: True
