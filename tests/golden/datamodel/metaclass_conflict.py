# Two unrelated metaclasses among the bases: CPython's metaclass conflict error; a derived metaclass wins.
class M1(type): pass
class M2(type): pass
class M3(M1): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
class C(metaclass=M3): pass
try:
    class D(A, B): pass
except TypeError as e:
    print(e)  # expect: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases
class E(A, C): pass
print(type(E).__name__)  # expect: M3
