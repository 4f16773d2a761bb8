# Calling a function with too few arguments.
def area(w, h):
    return w * h
area(3)
# error: TypeError: area() missing 1 required positional argument: 'h'
