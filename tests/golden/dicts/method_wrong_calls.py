# dict methods called wrongly: CPython's messages name the type (dict.get() takes no keyword arguments).
def attempt(call):
    try:
        call()
    except TypeError as e:
        print(e)

d = {1: 2}
attempt(lambda: d.get(key=1))
attempt(lambda: d.pop(5, default=1))
attempt(lambda: d.setdefault(1, default=0))
attempt(lambda: d.keys(1))
attempt(lambda: d.items(x=1))
attempt(lambda: d.get(1, 2, 3))
# expect: dict.get() takes no keyword arguments
# expect: dict.pop() takes no keyword arguments
# expect: dict.setdefault() takes no keyword arguments
# expect: dict.keys() takes no arguments (1 given)
# expect: dict.items() takes no keyword arguments
# expect: get expected at most 2 arguments, got 3
