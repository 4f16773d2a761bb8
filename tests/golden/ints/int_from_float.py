# int() truncates floats toward zero.
print(int(3.9), int(-3.9))  # expect: 3 -3
print(int(1e20))  # expect: 100000000000000000000
print(int(-0.5))  # expect: 0
print(int(True))  # expect: 1
print(int(2.0 ** 70))  # expect: 1180591620717411303424
