# type() of an instance is its class.
class Foo: pass
f = Foo()
print(type(f) is Foo, f.__class__ is Foo)  # expect: True True
print(type(f).__name__, Foo.__name__)  # expect: Foo Foo
print(type(f))  # expect: <class '__main__.Foo'>
print(type(3), type('s'), type([]))  # expect: <class 'int'> <class 'str'> <class 'list'>
print(type(type(f)))  # expect: <class 'type'>
