# An import inside a function binds a local name.
def f():
    import _helper_shapes as h
    return h.Square(2).area()
print(f())  # expect: 4
try:
    h
except NameError as e:
    print(e)  # expect: name 'h' is not defined
