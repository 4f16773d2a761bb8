# Instances, __init__, attributes and methods.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2())  # expect: 3 4 25
p.x = 1
print(p.norm2())  # expect: 17
print(type(p).__name__, isinstance(p, Point))  # expect: Point True
