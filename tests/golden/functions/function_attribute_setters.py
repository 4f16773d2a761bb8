# Setting a function's __name__ needs a str; __defaults__ set to a tuple changes the call; __qualname__ and __module__ take effect.
def f(a=1):
    return a


try:
    f.__name__ = 5
except TypeError as e:
    print(e)  # expect: __name__ must be set to a string object
f.__name__ = 'g'
f.__qualname__ = 'Outer.g'
f.__module__ = 'elsewhere'
print(f.__name__, f.__qualname__, f.__module__)  # expect: g Outer.g elsewhere
f.__defaults__ = (42,)
print(f(), f.__defaults__)  # expect: 42 (42,)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print(e)  # expect: __defaults__ must be set to a tuple object
