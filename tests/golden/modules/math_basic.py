# sqrt, floor, ceil, trunc and constants.
import math
print(math.sqrt(16), math.sqrt(2))  # expect: 4.0 1.4142135623730951
print(math.pi, math.e)  # expect: 3.141592653589793 2.718281828459045
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))  # expect: -3 -2 -2
print(math.floor(2.5), math.ceil(2.1), type(math.floor(1.5)).__name__)  # expect: 2 3 int
print(math.floor(1e20))  # expect: 100000000000000000000
print(math.fabs(-3), math.pow(2, 10))  # expect: 3.0 1024.0
