# Mixed int/float arithmetic yields float; / always yields float.
print(1 + 2.0)  # expect: 3.0
print(6 / 3)  # expect: 2.0
print(7 / 2)  # expect: 3.5
print(2 ** -1)  # expect: 0.5
print(2 ** 0.5)  # expect: 1.4142135623730951
print(10 ** 20 / 10 ** 10)  # expect: 10000000000.0
print(3 * 1.5)  # expect: 4.5
