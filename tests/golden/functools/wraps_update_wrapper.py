# functools.wraps / update_wrapper copy __name__, __qualname__, __module__ and set __wrapped__
import functools
print(functools.WRAPPER_ASSIGNMENTS)
print(functools.WRAPPER_UPDATES)
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print('calling', fn.__name__, args)
        return fn(*args, **kwargs)
    return wrapper
@logged
def add(a, b):
    return a + b
print(add(2, 3))
print(add.__name__, add.__qualname__, add.__module__, add.__wrapped__.__name__)
def other():
    pass
def target():
    pass
res = functools.update_wrapper(other, target, assigned=('__name__',))
print(res is other, other.__name__, other.__qualname__, other.__wrapped__ is target)

# expect: ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
# expect: ('__dict__',)
# expect: calling add (2, 3)
# expect: 5
# expect: add add __main__ add
# expect: True target other True
