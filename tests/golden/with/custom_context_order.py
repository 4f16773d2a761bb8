# __enter__ before the body, __exit__ after it, even on exceptions.
class Tracer:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None, v)
        return False
try:
    with Tracer():
        print("body")
        raise ValueError("boom")
except ValueError:
    print("propagated")
# expect: enter
# expect: body
# expect: exit ValueError boom
# expect: propagated
