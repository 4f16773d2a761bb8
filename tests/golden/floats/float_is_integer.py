# Float methods and int conversion.
print((3.0).is_integer(), (3.5).is_integer())  # expect: True False
print(int(2.9999999))  # expect: 2
print(float(int(1e16)) == 1e16)  # expect: True
print(0.1 + 0.2 == 0.3)  # expect: False
print(abs(0.1 + 0.2 - 0.3) < 1e-9)  # expect: True
