# Division and modulo of big integers.
n = 10 ** 40 + 12345
print(n // 7)  # expect: 1428571428571428571428571428571428573192
print(n % 7)  # expect: 1
print(-n // 7)  # expect: -1428571428571428571428571428571428573193
print(-n % 7)  # expect: 6
print(n // (10 ** 20))  # expect: 100000000000000000000
print(divmod(n, 10 ** 20))  # expect: (100000000000000000000, 12345)
print(n // -n)  # expect: -1
