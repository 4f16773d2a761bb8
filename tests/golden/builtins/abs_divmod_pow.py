# abs, divmod and pow.
print(abs(-5), abs(3.5), abs(-0.0), abs(-2 ** 70))  # expect: 5 3.5 0.0 1180591620717411303424
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))  # expect: (3, 2) (-4, 3) (3.0, 2.5)
print(pow(2, 10), pow(2, -2), pow(2.0, 3))  # expect: 1024 0.25 8.0
print(pow(5, 3, 7), pow(123456789, 987654321, 1000000007))  # expect: 6 652541198
