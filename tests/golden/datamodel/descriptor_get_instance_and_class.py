# A class attribute whose type defines __get__ is called on instance access (instance, owner) and on class access (None, owner).
class Desc:
    def __get__(self, instance, owner):
        return ("get", instance is None, owner.__name__)

class A:
    d = Desc()

class B(A):
    pass

print(A().d)  # expect: ('get', False, 'A')
print(A.d)  # expect: ('get', True, 'A')
print(B().d)  # expect: ('get', False, 'B')
print(B.d)  # expect: ('get', True, 'B')
