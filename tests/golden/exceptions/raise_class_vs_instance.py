# Raising a class instantiates it.
try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args, isinstance(e, ValueError))  # expect: ValueError () True
