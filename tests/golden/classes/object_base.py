# Every class inherits from object.
class A(object):
    pass
class B:
    pass
print(issubclass(A, object), issubclass(B, object))  # expect: True True
o = object()
print(type(o).__name__, o == o, o == object())  # expect: object True False
