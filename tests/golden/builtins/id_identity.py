# id() values are only compared, never printed.
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c))  # expect: True False
print(type(id(a)).__name__)  # expect: int
