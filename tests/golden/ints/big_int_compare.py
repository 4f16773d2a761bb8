# Comparisons between big and small integers.
print(2 ** 100 > 2 ** 99)  # expect: True
print(-(2 ** 100) < -5)  # expect: True
print(2 ** 64 == 18446744073709551616)  # expect: True
print(2 ** 64 - 2 ** 64 == 0)  # expect: True
print(max(2 ** 65, 3, -(2 ** 66)))  # expect: 36893488147419103232
print(sorted([2 ** 64, -1, 2 ** 63, 0]))  # expect: [-1, 0, 9223372036854775808, 18446744073709551616]
