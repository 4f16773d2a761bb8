# Bitwise operators on negative numbers use infinite two's complement.
print(-5 & 3)  # expect: 3
print(-5 | 3)  # expect: -5
print(-5 ^ 3)  # expect: -8
print(~5, ~-1, ~0)  # expect: -6 0 -1
print(-1 & 0xFF)  # expect: 255
print(-(2 ** 70) & 0xFFFF)  # expect: 0
print((2 ** 70 - 1) ^ -1)  # expect: -1180591620717411303424
