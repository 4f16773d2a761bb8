# Several context managers: entered left to right, exited right to left.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name)
with CM("a") as a, CM("b") as b:
    print("body", a, b)
# expect: enter a
# expect: enter b
# expect: body a b
# expect: exit b
# expect: exit a
