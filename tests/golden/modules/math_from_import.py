# from math import names, with an alias.
from math import sqrt, pi as PI, floor
print(sqrt(81), floor(PI))  # expect: 9.0 3
import math as m
print(m.sqrt(4) == sqrt(4))  # expect: True
