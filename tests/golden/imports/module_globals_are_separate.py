# A module's functions use the module's globals, not the importer's.
from _helper_shapes import area
PI = 3
print(round(area(1), 5))  # expect: 3.14159
import _helper_shapes
_helper_shapes.PI = 1
print(area(2))  # expect: 4
