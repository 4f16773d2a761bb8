# super().__init__ with arguments in a subclass.
class Shape:
    def __init__(self, name, sides):
        self.name = name
        self.sides = sides
    def __repr__(self):
        return f"{self.name}/{self.sides}"
class Square(Shape):
    def __init__(self, size):
        super().__init__("square", 4)
        self.size = size
    def area(self):
        return self.size ** 2
s = Square(3)
print(s, s.area(), isinstance(s, Shape))  # expect: square/4 9 True
