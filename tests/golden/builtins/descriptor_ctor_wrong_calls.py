# property/staticmethod/classmethod/slice called wrongly: CPython's binder messages.
def attempt(call):
    try:
        call()
    except TypeError as e:
        print(e)

attempt(lambda: property(1, 2, 3, 4, 5))
attempt(lambda: property(x=1))
attempt(lambda: property(len, fget=len))
attempt(lambda: property().getter())
attempt(lambda: property().deleter(x=1))
attempt(lambda: staticmethod())
attempt(lambda: classmethod(1, 2))
attempt(lambda: slice(1, stop=2))
print(property(fget=len, doc="d").__doc__, slice(5), slice(1, None))
# expect: property() takes at most 4 arguments (5 given)
# expect: 'x' is an invalid keyword argument for property()
# expect: argument for property() given by name ('fget') and position (1)
# expect: property.getter() takes exactly one argument (0 given)
# expect: property.deleter() takes no keyword arguments
# expect: staticmethod expected 1 argument, got 0
# expect: classmethod expected 1 argument, got 2
# expect: slice() takes no keyword arguments
# expect: d slice(None, 5, None) slice(1, None, None)
