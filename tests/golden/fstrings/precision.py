# Precision for floats, with f, e, g and % presentation types.
x = 3.14159265
print(f"{x:.2f}")  # expect: 3.14
print(f"{x:8.3f}|")  # expect:    3.142|
print(f"{x:.0f}")  # expect: 3
print(f"{2.5:.0f}")  # expect: 2
print(f"{12345.678:.2e}")  # expect: 1.23e+04
print(f"{0.00012345:.3g}")  # expect: 0.000123
print(f"{1234567.0:g}")  # expect: 1.23457e+06
print(f"{0.256:.1%}")  # expect: 25.6%
print(f"{'abcdef':.3}")  # expect: abc
