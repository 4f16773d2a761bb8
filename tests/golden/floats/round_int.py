# round() of ints with negative ndigits.
print(round(1234, -2))  # expect: 1200
print(round(1250, -2))  # expect: 1200
print(round(1350, -2))  # expect: 1400
print(round(-55, -1))  # expect: -60
print(round(7))  # expect: 7
