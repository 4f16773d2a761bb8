# A keyword argument after **mapping that repeats one of its keys is a
# TypeError, not a silent overwrite; distinct keys still combine.
def f(*args, **kwargs):
    return args, kwargs
print(f(1, **{'a': 1}, b=2, **{'c': 3}, d=4))  # expect: ((1,), {'a': 1, 'b': 2, 'c': 3, 'd': 4})
try:
    f(**{'x': 1}, x=2)
except TypeError as e:
    print("TypeError", "multiple values for keyword argument 'x'" in str(e))  # expect: TypeError True
