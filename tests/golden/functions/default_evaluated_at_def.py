# Default values are evaluated when def runs, not when the function is called.
x = 1
def f(v=x):
    return v
x = 2
print(f())  # expect: 1
def g(v=None):
    return x if v is None else v
print(g())  # expect: 2
