# Assigning obj.__class__ changes type(obj) and the methods it finds.
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
a = A()
a.x = 1
a.__class__ = B
print(type(a).__name__, a.who(), isinstance(a, B), isinstance(a, A))
print("__class__" in a.__dict__, a.x)
a.__class__ = A
print(a.who())
# expect: B B True False
# expect: False 1
# expect: A
