# type(name, bases, dict) makes a class; its methods, MRO and module are as for a class statement.
Base = type("Base", (), {"greet": lambda self: "hello from " + type(self).__name__})
Derived = type("Derived", (Base,), {"x": 5})
d = Derived()
print(d.greet(), d.x)  # expect: hello from Derived 5
print([k.__name__ for k in Derived.__mro__], Derived.__module__)  # expect: ['Derived', 'Base', 'object'] __main__
try:
    type("X", ())
except TypeError as e:
    print(e)  # expect: type() takes 1 or 3 arguments
