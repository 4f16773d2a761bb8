# Exponentiation produces exact big integers.
print(2 ** 100)  # expect: 1267650600228229401496703205376
print(2 ** 64)  # expect: 18446744073709551616
print(-2 ** 63)  # expect: -9223372036854775808
print(3 ** 50)  # expect: 717897987691852588770249
print((-3) ** 3)  # expect: -27
print(10 ** 0)  # expect: 1
print(0 ** 0)  # expect: 1
