# Comparing ints and floats is exact, even beyond 2**53.
print(2 ** 53 + 1 == 2.0 ** 53)  # expect: False
print(2 ** 53 == 2.0 ** 53)  # expect: True
print(2 ** 53 + 1 > 2.0 ** 53)  # expect: True
print(10 ** 400 > 1e308)  # expect: True
print(10 ** 400 < float('inf'))  # expect: True
print(1 == 1.0, 0 == -0.0)  # expect: True True
