# printf-style %e %E %f %F %g %G: default precision 6, '#', inf and nan.
print("%f|%e|%g" % (3.14159, 3.14159, 3.14159))  # expect: 3.141590|3.141590e+00|3.14159
print("%.2f|%.0f|%.0f|%.0f" % (2.675, 0.5, 1.5, 2.5))  # expect: 2.67|0|2|2
print("%E|%G|%F" % (12345.678, 1e-10, 1.5))  # expect: 1.234568E+04|1E-10|1.500000
print("%g|%g|%g|%.15g" % (1e16, 0.0001, 1e-5, 0.1))  # expect: 1e+16|0.0001|1e-05|0.1
print("%#.0f|%#.0e|%#g|%.0g|%#.0g" % (3.0, 5.0, 1.0, 123.0, 123.0))  # expect: 3.|5.e+00|1.00000|1e+02|1.e+02
print("%f|%F|%e|%G" % (float("inf"), float("-inf"), float("nan"), float("nan")))  # expect: inf|-INF|nan|NAN
print("%f|%e" % (7, 10))  # expect: 7.000000|1.000000e+01
print("%.20f" % 0.1)  # expect: 0.10000000000000000555
print("%-8.2f|%8.2f|" % (-0.0, -0.001))  # expect: -0.00   |   -0.00|
print("%d" % 1e30)  # expect: 1000000000000000019884624838656
