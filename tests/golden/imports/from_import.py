# from-import binds names from the module.
from _helper_shapes import area, PI, Square
print(PI, round(area(1), 5))  # expect: 3.14159 3.14159
s = Square(4)
print(s.area(), type(s).__name__)  # expect: 16 Square
