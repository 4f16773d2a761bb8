# Giving an argument twice is a TypeError.
def f(a, b=0):
    return a
f(1, a=2)
# error: TypeError: f() got multiple values for argument 'a'
