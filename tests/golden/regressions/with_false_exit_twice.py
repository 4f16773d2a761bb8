# Two with blocks in a row whose body raises and whose __exit__ returns a
# false value: the first must leave the value stack balanced for the second.
class CM:
    def __init__(self, result):
        self.result = result
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__, v)
        return self.result
for result in (False, None, 0):
    for tag in ("a", "b"):
        try:
            with CM(result):
                raise ValueError(tag)
        except ValueError as e:
            print("caught", e)
# expect: exit ValueError a
# expect: caught a
# expect: exit ValueError b
# expect: caught b
# expect: exit ValueError a
# expect: caught a
# expect: exit ValueError b
# expect: caught b
# expect: exit ValueError a
# expect: caught a
# expect: exit ValueError b
# expect: caught b
