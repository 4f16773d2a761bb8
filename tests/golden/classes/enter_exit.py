# A class with __enter__ and __exit__ works with `with`.
class Ctx:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        return False
with Ctx("a") as v:
    print("body", v)
# expect: enter a
# expect: body A
# expect: exit a None
