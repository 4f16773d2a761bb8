# Assigning a name anywhere in a function makes it local everywhere in it.
x = 1
def f():
    print(x)
    x = 2
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, isinstance(e, NameError))  # expect: UnboundLocalError True
    print(e)  # expect: cannot access local variable 'x' where it is not associated with a value
