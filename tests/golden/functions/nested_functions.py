# Nested functions are created on each call.
def outer():
    def inner():
        return 42
    return inner
a = outer()
b = outer()
print(a(), b(), a is b)  # expect: 42 42 False
