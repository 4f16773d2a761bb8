# __exit__ returning true suppresses the exception.
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return t is not None and issubclass(t, self.types)
with Suppress(ZeroDivisionError):
    1 / 0
    print("not reached")
print("continued")  # expect: continued
try:
    with Suppress(KeyError):
        raise ValueError("passes through")
except ValueError as e:
    print("got", e)  # expect: got passes through
