# Operator precedence and associativity.
print(2 + 3 * 4 ** 2)  # expect: 50
print(-2 ** 2)  # expect: -4
print((-2) ** 2)  # expect: 4
print(2 ** 3 ** 2)  # expect: 512
print(2 ** -1)  # expect: 0.5
print(10 - 4 - 3)  # expect: 3
print(100 // 10 // 3)  # expect: 3
print(2 * 3 % 4)  # expect: 2
print(-7 // 2 * 2)  # expect: -8
