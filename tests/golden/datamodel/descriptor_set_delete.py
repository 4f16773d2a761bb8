# __set__ runs on assignment and __delete__ on del; a data descriptor lacking one of them raises AttributeError.
class Logged:
    def __set_name__(self, owner, name):
        self.key = "_" + name
    def __get__(self, inst, owner):
        if inst is None:
            return self
        return getattr(inst, self.key, "unset")
    def __set__(self, inst, value):
        print("set", value)
        setattr(inst, self.key, value * 2)
    def __delete__(self, inst):
        print("delete")
        delattr(inst, self.key)

class OnlyDelete:
    def __get__(self, inst, owner):
        return 1
    def __delete__(self, inst):
        print("deleted")

class A:
    x = Logged()
    y = OnlyDelete()

a = A()
print(a.x)  # expect: unset
a.x = 21  # expect: set 21
print(a.x)  # expect: 42
del a.x  # expect: delete
print(a.x)  # expect: unset
try:
    a.y = 3
except AttributeError as e:
    print("AttributeError", e)  # expect: AttributeError __set__
del a.y  # expect: deleted
print(type(A.x).__name__)  # expect: Logged
