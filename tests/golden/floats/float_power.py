# Float exponentiation.
print(2.0 ** 10)  # expect: 1024.0
print(4 ** 0.5)  # expect: 2.0
print(10 ** -2)  # expect: 0.01
print((-8) ** 2.0)  # expect: 64.0
print(2.0 ** -1)  # expect: 0.5
print(1.5 ** 2)  # expect: 2.25
