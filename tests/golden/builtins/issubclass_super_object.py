# issubclass, super and object.
class Base:
    def hello(self):
        return "base hello"
class Derived(Base):
    def hello(self):
        return "derived+" + super().hello()
print(Derived().hello())  # expect: derived+base hello
print(issubclass(Derived, Base), issubclass(bool, int), issubclass(int, object))  # expect: True True True
print(issubclass(Derived, (int, Base)))  # expect: True
