# Functions are non-data descriptors: an instance attribute of the same name shadows a method.
class A:
    def f(self):
        return "method"

a = A()
print(a.f())  # expect: method
a.f = lambda: "instance"
print(a.f())  # expect: instance
del a.f
print(a.f())  # expect: method
