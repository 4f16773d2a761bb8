# A metaclass's __instancecheck__ and __subclasscheck__ decide isinstance and issubclass.
class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")

class Quacker(metaclass=Duck):
    pass
class Mallard:
    def quack(self):
        return "quack"
print(isinstance(Mallard(), Quacker), isinstance(1, Quacker))  # expect: True False
print(issubclass(Mallard, Quacker), issubclass(int, Quacker))  # expect: True False
