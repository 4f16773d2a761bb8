# __class__ assignment's checks and messages, as CPython gives them.
class A:
    pass
class E(Exception):
    pass
a = A()
def attempt(obj, value):
    try:
        obj.__class__ = value
    except TypeError as e:
        print(e)
attempt(a, 1)
attempt(a, int)
attempt(a, object)
attempt(5, A)
attempt([], A)
attempt(a, E)
attempt(E(), A)
try:
    del a.__class__
except TypeError as e:
    print(e)
print(type(a).__name__)
# expect: __class__ must be set to a class, not 'int' object
# expect: __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: __class__ assignment only supported for mutable types or ModuleType subclasses
# expect: __class__ assignment: 'E' object layout differs from 'A'
# expect: __class__ assignment: 'A' object layout differs from 'E'
# expect: can't delete __class__ attribute
# expect: A
