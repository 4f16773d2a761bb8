# Calling something that is not callable.
def x():
    return 1
print(x())  # expect: 1
x = 5
x()
# error: TypeError: 'int' object is not callable
