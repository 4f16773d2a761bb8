# A decorator wraps a function.
def loud(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        return fn(*args, **kwargs)
    return wrapper
@loud
def add(a, b):
    return a + b
print(add(2, b=3))
# expect: calling add
# expect: 5
print(add.__name__)  # expect: wrapper
