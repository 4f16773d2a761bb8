# A bare object() has no __dict__: setting an attribute is an
# AttributeError (instances of a subclass still take attributes).
o = object()
try:
    o.x = 1
    print("set", o.x)
except AttributeError as e:
    print(e)  # expect: 'object' object has no attribute 'x'
print(hasattr(o, 'x'))  # expect: False
class Sub:
    pass
s = Sub()
s.x = 2
print(s.x)  # expect: 2
