# class D(B, C) over a diamond gets CPython's C3 MRO; __bases__, __base__, mro() and isinstance along every base.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()

print([k.__name__ for k in D.__mro__])  # expect: ['D', 'B', 'C', 'A', 'object']
print([k.__name__ for k in D.mro()])  # expect: ['D', 'B', 'C', 'A', 'object']
print([k.__name__ for k in D.__bases__], D.__base__.__name__)  # expect: ['B', 'C'] B
print(D().who())  # expect: D>B>C>A
print(super(B, D()).who())  # expect: C>A
print(isinstance(D(), C), issubclass(D, C), issubclass(C, D))  # expect: True True False

class X: pass
class Y: pass
class Z(X, Y):
    pass
print([k.__name__ for k in Z.__mro__])  # expect: ['Z', 'X', 'Y', 'object']
