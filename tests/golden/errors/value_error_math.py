# A math domain error.
import math
print(math.sqrt(0.0))  # expect: 0.0
x = -1
math.sqrt(x)
# error: ValueError: math domain error
