# A method added to a later base after a call is found through the MRO (the attribute cache is invalidated).
class A:
    pass
class B:
    def f(self):
        return "B.f"
class C(A, B):
    pass
c = C()
print(c.f())  # expect: B.f
A.f = lambda self: "A.f"
print(c.f())  # expect: A.f
del A.f
print(c.f())  # expect: B.f
