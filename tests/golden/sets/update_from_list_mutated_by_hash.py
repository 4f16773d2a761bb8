# set.update and the set tests walk a list that an item's __hash__ mutates the way a list iterator does
items = []

class Grow:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        if self.n < 3:
            items.append(Grow(self.n + 1))
        return self.n
    def __eq__(self, other):
        return isinstance(other, Grow) and self.n == other.n
    def __repr__(self):
        return f"G{self.n}"

items.append(Grow(0))
s = set()
s.update(items)
print(sorted(s, key=lambda g: g.n))
# expect: [G0, G1, G2, G3]
print(len(items))
# expect: 4

class Shrink:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        if victims:
            victims.pop()
        return self.n
    def __eq__(self, other):
        return self is other

victims = [Shrink(i) for i in range(6)]
t = set()
t.update(victims)
print(len(t), len(victims))
# expect: 3 3
print({1, 2}.issuperset([1, 2, 2]), {1, 2}.isdisjoint(iter([3, 1])), {1, 2, 3}.intersection([3, 9, 1]))
# expect: True False {1, 3}
