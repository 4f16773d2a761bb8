# Unary operators on ints, floats and bools.
print(-5, +5, ~5)  # expect: -5 5 -6
print(-(-5.5), +(-0.0))  # expect: 5.5 -0.0
print(-True, ~True, ~False)  # expect: -1 -2 -1
print(not 0, not [], not [0])  # expect: True True False
