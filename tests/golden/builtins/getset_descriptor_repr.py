# An attribute of a builtin type is a descriptor in the type's dict, with CPython's repr.
def f():
    pass


d = type(f).__dict__['__name__']
print(d)  # expect: <attribute '__name__' of 'function' objects>
print(type(d).__name__)  # expect: getset_descriptor
print(type(f).__name__, type(f).__module__)  # expect: function builtins
