# An uncaught exception without arguments prints just its name.
class Shape:
    def area(self):
        raise NotImplementedError
print(type(Shape()).__name__)  # expect: Shape
Shape().area()
# error: NotImplementedError
