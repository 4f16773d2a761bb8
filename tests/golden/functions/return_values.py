# return without a value, multiple values, and falling off the end.
def nothing():
    return
def implicit():
    x = 1
def pair():
    return 1, 'two'
print(nothing(), implicit())  # expect: None None
a, b = pair()
print(a, b, pair())  # expect: 1 two (1, 'two')
