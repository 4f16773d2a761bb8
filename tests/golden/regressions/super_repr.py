# repr(super()) names the start class and the bound object's type.
class A:
    pass
class B(A):
    def get(self):
        return super()
    def __repr__(self):
        return 'B!'
b = B()
print(repr(b.get()))  # expect: <super: <class 'B'>, <B object>>
print(repr(super(A, b)))  # expect: <super: <class 'A'>, <B object>>
print(str(super(B, B)))  # expect: <super: <class 'B'>, <B object>>
