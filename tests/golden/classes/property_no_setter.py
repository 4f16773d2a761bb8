# Assigning to a read-only property is an AttributeError.
class A:
    @property
    def x(self):
        return 1
a = A()
print(a.x)  # expect: 1
a.x = 2
# error: AttributeError: property 'x' of 'A' object has no setter
