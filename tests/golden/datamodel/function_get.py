# A function's __get__ binds it to an instance (a method) and returns it unchanged for None, as descriptors do.
class A:
    def f(self, x):
        return ("f", type(self).__name__, x)

a = A()
m = A.__dict__["f"].__get__(a, A)
print(m(1))  # expect: ('f', 'A', 1)
print(m.__self__ is a)  # expect: True
print(A.__dict__["f"].__get__(None, A) is A.__dict__["f"])  # expect: True
