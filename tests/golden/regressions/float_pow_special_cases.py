# ** with zero, infinite and NaN operands follows C99/CPython's float_pow.
inf = float('inf')
nan = float('nan')
def show(f):
    try:
        print(repr(f()))
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
show(lambda: 0.0 ** -1)  # expect: ZeroDivisionError 0.0 cannot be raised to a negative power
show(lambda: (-0.0) ** -1.5)  # expect: ZeroDivisionError 0.0 cannot be raised to a negative power
show(lambda: 0.0 ** -inf)  # expect: inf
show(lambda: inf ** 0.5)  # expect: inf
show(lambda: (-inf) ** 0.5)  # expect: inf
show(lambda: (-inf) ** 3)  # expect: -inf
show(lambda: (-inf) ** -3)  # expect: -0.0
show(lambda: (-0.0) ** 3)  # expect: -0.0
show(lambda: nan ** 0)  # expect: 1.0
show(lambda: 1 ** nan)  # expect: 1.0
show(lambda: (-1.0) ** inf)  # expect: 1.0
show(lambda: 0.5 ** inf)  # expect: 0.0
show(lambda: 2.0 ** -inf)  # expect: 0.0
show(lambda: 2 ** inf)  # expect: inf
show(lambda: nan ** 1)  # expect: nan
show(lambda: pow(-0.0, -3))  # expect: ZeroDivisionError 0.0 cannot be raised to a negative power
