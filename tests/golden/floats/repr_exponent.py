# repr switches to exponent notation at 1e16 and below 1e-4.
print(1e15)  # expect: 1000000000000000.0
print(1e16)  # expect: 1e+16
print(123456789012345678.0)  # expect: 1.2345678901234568e+17
print(0.0001)  # expect: 0.0001
print(0.00001)  # expect: 1e-05
print(1.5e-7)  # expect: 1.5e-07
print(1e100)  # expect: 1e+100
print(1.7976931348623157e308)  # expect: 1.7976931348623157e+308
print(5e-324)  # expect: 5e-324
