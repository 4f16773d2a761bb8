# Integer literals in every base, with digit-group underscores.
print(0x1F)  # expect: 31
print(0o17)  # expect: 15
print(0b1011)  # expect: 11
print(1_000_000)  # expect: 1000000
print(0xFF_FF)  # expect: 65535
print(0B11, 0O7, 0XaB)  # expect: 3 7 171
print(0)  # expect: 0
print(-0)  # expect: 0
