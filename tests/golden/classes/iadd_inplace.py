# __iadd__ is used by += when defined; otherwise __add__.
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
a = Acc()
b = a
a += 1
a += 2
print(a is b, b.items)  # expect: True [1, 2]
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + o)
n = Num(1)
m = n
n += 5
print(n is m, n.v, m.v)  # expect: False 6 1
