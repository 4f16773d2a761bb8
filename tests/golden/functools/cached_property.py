# functools.cached_property computes once per instance and stores the value in __dict__
import functools
class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print('computing')
        return 3 * self.r * self.r
c = Circle(2)
print(c.area, c.area, 'area' in vars(c))
del c.area
print(c.area)
print(type(Circle.area).__name__, Circle.area.attrname)

# expect: computing
# expect: 12 12 True
# expect: computing
# expect: 12
# expect: cached_property area
