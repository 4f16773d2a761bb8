# Instances of user classes: class by STACK_GLOBAL, NEWOBJ, BUILD with the instance dict.
import pickle


class Empty:
    pass


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


print(pickle.dumps(Empty()))
print(pickle.dumps(Point(1, "a")))
pts = [Point(1, 2), Point(3, [4])]
pts.append(pts[0])
back = pickle.loads(pickle.dumps(pts))
print(back, back[0] is back[2], type(back[0]) is Point)
for p in range(6):
    q = pickle.loads(pickle.dumps(Point(p, -p), p))
    print(p, q, q.__dict__)
node = Point(None, None)
node.x = node
print(pickle.loads(pickle.dumps(node)).x.x.y)

# The output:
# expect: b'\x80\x04\x95\x19\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x05Empty\x94\x93\x94)\x81\x94.'
# expect: b'\x80\x04\x95,\x00\x00\x00\x00\x00\x00\x00\x8c\x08__main__\x94\x8c\x05Point\x94\x93\x94)\x81\x94}\x94(\x8c\x01x\x94K\x01\x8c\x01y\x94\x8c\x01a\x94ub.'
# expect: [Point(1, 2), Point(3, [4]), Point(1, 2)] True True
# expect: 0 Point(0, 0) {'x': 0, 'y': 0}
# expect: 1 Point(1, -1) {'x': 1, 'y': -1}
# expect: 2 Point(2, -2) {'x': 2, 'y': -2}
# expect: 3 Point(3, -3) {'x': 3, 'y': -3}
# expect: 4 Point(4, -4) {'x': 4, 'y': -4}
# expect: 5 Point(5, -5) {'x': 5, 'y': -5}
# expect: None
