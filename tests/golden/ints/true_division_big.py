# True division of big ints rounds correctly.
print((10 ** 50) / (10 ** 48))  # expect: 100.0
print((2 ** 100 + 1) / 2 ** 100)  # expect: 1.0
print(1 / 3)  # expect: 0.3333333333333333
print(-7 / 2)  # expect: -3.5
