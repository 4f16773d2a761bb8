# math.prod and math.isclose bind positional-only / keyword-only parameters with CPython's messages.
import math

for c in [lambda: math.prod(), lambda: math.prod([], []), lambda: math.prod([], x=1), lambda: math.isclose(1),
          lambda: math.isclose(1, 2, 3), lambda: math.isclose(1, 2, x=1)]:
    try:
        c()
    except TypeError as e:
        print(e)
# expect: prod() takes exactly 1 positional argument (0 given)
# expect: prod() takes exactly 1 positional argument (2 given)
# expect: 'x' is an invalid keyword argument for prod()
# expect: isclose() missing required argument 'b' (pos 2)
# expect: isclose() takes exactly 2 positional arguments (3 given)
# expect: 'x' is an invalid keyword argument for isclose()
print(math.prod([2, 3], start=2), math.isclose(1.0, 1.05, rel_tol=0.1), math.isclose(1, 1.5, abs_tol=0.5))  # expect: 12 True True
