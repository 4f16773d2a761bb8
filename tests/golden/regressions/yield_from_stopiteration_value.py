# yield from over an iterator whose __next__ raises StopIteration(42)
# evaluates to 42 (the exception's value), not None.
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(42)
        return self.n
def g():
    r = yield from It()
    print("result", r)
    r = yield from iter([])
    print("result", r)
print(list(g()))
# expect: result 42
# expect: result None
# expect: [1, 2]
