# Nested with statements unwind innermost first on an exception.
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit", self.n, t is not None)
        return self.n == 1
with CM(1):
    with CM(2):
        raise KeyError("x")
print("suppressed by outer")
# expect: exit 2 True
# expect: exit 1 True
# expect: suppressed by outer
