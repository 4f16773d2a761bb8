# Math domain and range errors.
import math
for f, arg in [(math.sqrt, -1), (math.log, 0), (math.log, -5)]:
    try:
        f(arg)
    except ValueError as e:
        print(f.__name__, e)
# expect: sqrt math domain error
# expect: log math domain error
# expect: log math domain error
try:
    math.exp(1000)
except OverflowError as e:
    print(e)  # expect: math range error
try:
    math.floor(float('inf'))
except OverflowError as e:
    print(e)  # expect: cannot convert float infinity to integer
