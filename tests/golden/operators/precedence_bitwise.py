# Bitwise and shift precedence relative to arithmetic and comparisons.
print(1 | 2 & 3)  # expect: 3
print(1 << 2 + 1)  # expect: 8
print(6 & 3 ^ 1)  # expect: 3
print(1 | 4 == 5)  # expect: True
print(1 | (4 == 5))  # expect: 1
print(~1 + 1)  # expect: -1
print(- - 3, + -3, not not 0)  # expect: 3 -3 False
