# __eq__ also drives != and `in`; without it, equality is identity.
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, other):
        return isinstance(other, P) and self.x == other.x
print(P(1) == P(1), P(1) != P(1), P(1) == P(2))  # expect: True False False
print(P(2) in [P(1), P(2)])  # expect: True
print(P(1) == 1)  # expect: False
class Q: pass
q = Q()
print(q == q, Q() == Q())  # expect: True False
