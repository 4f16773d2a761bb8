# Methods fetched from an instance are bound to it.
class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
a = C(1)
m = a.get
a.v = 2
print(m())  # expect: 2
print(C.get(C(7)))  # expect: 7
print(list(map(C.get, [C(1), C(2)])))  # expect: [1, 2]
