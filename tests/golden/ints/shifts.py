# Shifts, including beyond 64 bits and on negative numbers.
print(1 << 100)  # expect: 1267650600228229401496703205376
print(-1 >> 1)  # expect: -1
print(-7 >> 1)  # expect: -4
print((2 ** 100) >> 98)  # expect: 4
print(-(2 ** 100) >> 3)  # expect: -158456325028528675187087900672
print(5 >> 100)  # expect: 0
print(-5 >> 100)  # expect: -1
