# callable() on functions, classes, instances and plain values.
class WithCall:
    def __call__(self):
        pass
class Plain:
    pass
print(callable(print), callable(len), callable(lambda: 0))  # expect: True True True
print(callable(WithCall()), callable(Plain()), callable(Plain))  # expect: True False True
print(callable(None), callable("str"))  # expect: False False
