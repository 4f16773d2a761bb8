# import of a helper module in the same folder.
import _helper_shapes
print(_helper_shapes.PI)  # expect: 3.14159
print(round(_helper_shapes.area(2), 3))  # expect: 12.566
print(_helper_shapes.Square(3).area())  # expect: 9
print(_helper_shapes.calls)  # expect: 1
