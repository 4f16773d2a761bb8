# A metaclass: __prepare__, __new__ and __init__ at class creation, methods visible on the class, inherited by subclasses.
class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}
    def __new__(mcs, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcs, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
    def describe(cls):
        return "I am " + cls.__name__

class A(metaclass=Meta, flag=1):
    x = 1
# expect: prepare A {'flag': 1}
# expect: new A ['injected', 'x']
# expect: init A
class B(A):
    pass
# expect: prepare B {}
# expect: new B ['injected']
# expect: init B
print(type(A).__name__, type(B).__name__, A.injected)  # expect: Meta Meta 1
print(A.describe(), B.describe())  # expect: I am A I am B
print(isinstance(A, Meta), isinstance(A, type))  # expect: True True
