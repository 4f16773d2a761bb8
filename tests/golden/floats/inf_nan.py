# Infinities and NaN.
inf = float('inf')
print(inf, -inf)  # expect: inf -inf
print(inf - inf)  # expect: nan
print(float('nan') == float('nan'))  # expect: False
print(inf > 10 ** 300)  # expect: True
print(1e308 * 10)  # expect: inf
print(float('-Infinity'))  # expect: -inf
print(float('1e500'))  # expect: inf
