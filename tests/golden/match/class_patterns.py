# Class patterns: keyword attributes, positional through __match_args__,
# isinstance on subclasses, and the builtin types matching themselves.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Point3(Point):
    pass
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point3(x, y=7):
            return f"3d with y 7, x {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "elsewhere"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case _:
            return "unknown"
for v in (Point(0, 0), Point(0, 5), Point3(2, 7), Point(4, 4), Point(1, 2), 3, 2.5, True, "hi", None):
    print(where(v))
# expect: origin
# expect: on the y axis at 5
# expect: 3d with y 7, x 2
# expect: diagonal 4
# expect: elsewhere
# expect: number 3
# expect: number 2.5
# expect: number True
# expect: string 'hi'
# expect: unknown
