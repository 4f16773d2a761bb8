# __class_getitem__ is an implicit classmethod: A[int] calls it with the class.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"
class Sub(Box):
    pass
print(Box[int])  # expect: Box[int]
print(Sub[str])  # expect: Sub[str]
class Plain:
    pass
try:
    Plain[int]
except TypeError as e:
    print("TypeError")  # expect: TypeError
