# int() from decimal strings: whitespace, signs, underscores.
print(int('42'))  # expect: 42
print(int('  -17\n'))  # expect: -17
print(int('+5'))  # expect: 5
print(int('1_000'))  # expect: 1000
print(int('000123'))  # expect: 123
print(int('123456789012345678901234567890'))  # expect: 123456789012345678901234567890
print(int())  # expect: 0
