# NameError raised inside a function.
def f():
    return undefined_thing + 1
print("start")  # expect: start
f()
# error: NameError: name 'undefined_thing' is not defined
