# Thousands separators.
print(f"{1234567:,}")  # expect: 1,234,567
print(f"{1234567:_}")  # expect: 1_234_567
print(f"{-1234567.891:,.2f}")  # expect: -1,234,567.89
print(f"{123:,}")  # expect: 123
print(f"{2 ** 70:,}")  # expect: 1,180,591,620,717,411,303,424
print(f"{0xFFFFFFFF:_x}")  # expect: ffff_ffff
