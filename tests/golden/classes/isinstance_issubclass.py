# isinstance and issubclass follow the class hierarchy.
class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, B), isinstance(b, C))  # expect: True True False
print(isinstance(b, (C, A)))  # expect: True
print(issubclass(B, A), issubclass(A, B), issubclass(B, B))  # expect: True False True
print(issubclass(B, object), isinstance(1, object))  # expect: True True
print(isinstance(True, int), isinstance(1, bool))  # expect: True False
