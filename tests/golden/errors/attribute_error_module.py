# Missing attribute on a module.
import math
print(math.floor(2.5))  # expect: 2
print(hasattr(math, "tau_tau"))  # expect: False
math.tau_tau
# error: AttributeError: module 'math' has no attribute 'tau_tau'
