# Builtin functions called with the wrong arguments raise CPython's TypeError for each way CPython declares them.
calls = [
    lambda: format(),
    lambda: format(1, 2, 3),
    lambda: format(1, format_spec=''),
    lambda: pow(1),
    lambda: pow(1, 2, 3, 4),
    lambda: sum(),
    lambda: sum(iterable=[]),
    lambda: sum([], 1, 2),
    lambda: round(x=1),
    lambda: round(1, x=2),
    lambda: len(),
    lambda: len(x=1),
    lambda: isinstance(1),
    lambda: globals(1),
    lambda: set().add(),
    lambda: {}.copy(1),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
# expect: format expected at least 1 argument, got 0
# expect: format expected at most 2 arguments, got 3
# expect: format() takes no keyword arguments
# expect: pow() missing required argument 'exp' (pos 2)
# expect: pow() takes at most 3 arguments (4 given)
# expect: sum() takes at least 1 positional argument (0 given)
# expect: sum() takes at least 1 positional argument (0 given)
# expect: sum() takes at most 2 arguments (3 given)
# expect: round() missing required argument 'number' (pos 1)
# expect: 'x' is an invalid keyword argument for round()
# expect: len() takes exactly one argument (0 given)
# expect: len() takes no keyword arguments
# expect: isinstance expected 2 arguments, got 1
# expect: globals() takes no arguments (1 given)
# expect: set.add() takes exactly one argument (0 given)
# expect: dict.copy() takes no arguments (1 given)
print(round(2.567, ndigits=2), pow(2, 10, mod=1000), sum([1, 2], start=3), list(enumerate('ab', start=5)))  # expect: 2.57 24 6 [(5, 'a'), (6, 'b')]
