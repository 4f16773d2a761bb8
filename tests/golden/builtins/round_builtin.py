# round with and without ndigits, on ints and floats.
print(round(3.7), round(-3.7), round(4.5), round(5.5))  # expect: 4 -4 4 6
print(round(3.14159, 2), round(-1.005, 2))  # expect: 3.14 -1.0
print(round(15, -1), round(25, -1))  # expect: 20 20
print(round(0.1 + 0.2, 10))  # expect: 0.3
