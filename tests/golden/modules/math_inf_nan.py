# inf and nan constants and predicates.
import math
print(math.inf, -math.inf, math.nan)  # expect: inf -inf nan
print(math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1e308))  # expect: True True True
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1))  # expect: True False
print(math.isfinite(math.inf), math.inf == float('inf'))  # expect: False True
