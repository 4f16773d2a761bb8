# round() rounds halves to even and returns an int with no ndigits.
print(round(2.5), round(3.5), round(-2.5))  # expect: 2 4 -2
print(round(0.5), round(1.5))  # expect: 0 2
print(round(2.675, 2))  # expect: 2.67
print(round(0.125, 2))  # expect: 0.12
print(round(3.14159, 3))  # expect: 3.142
print(round(7.0, 0))  # expect: 7.0
print(round(1234.5, -2))  # expect: 1200.0
print(type(round(2.7)).__name__)  # expect: int
