# Logarithms and exponentials.
import math
print(math.log(1), math.log(math.e), math.exp(0))  # expect: 0.0 1.0 1.0
print(math.log2(8), math.log10(1000), math.log(100, 10))  # expect: 3.0 3.0 2.0
print(math.log(1024, 2), math.exp(1))  # expect: 10.0 2.718281828459045
print(math.log(2 ** 1000) > 693)  # expect: True
