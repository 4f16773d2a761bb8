# A float result too large for math.exp.
import math
print(math.exp(0))  # expect: 1.0
print(math.exp(700) > 1e300)  # expect: True
math.exp(1000)
# error: OverflowError: math range error
