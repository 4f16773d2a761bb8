# Big ints convert to the nearest float; too big ones overflow.
print(float(2 ** 100))  # expect: 1.2676506002282294e+30
print(float(10 ** 22))  # expect: 1e+22
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)  # expect: int too large to convert to float
