# Calling with a missing argument is a TypeError naming it.
def f(a, b):
    return a + b
try:
    f(1)
except TypeError as e:
    print(e)  # expect: f() missing 1 required positional argument: 'b'
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)  # expect: f() takes 2 positional arguments but 3 were given
try:
    f(1, c=2)
except TypeError as e:
    print(e)  # expect: f() got an unexpected keyword argument 'c'
