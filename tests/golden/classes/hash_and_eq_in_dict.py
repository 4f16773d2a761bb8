# Objects with __hash__ and __eq__ work as dict keys and set members.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return self.k == other.k
    def __hash__(self):
        return hash(self.k)
d = {Key(1): 'one'}
print(d[Key(1)])  # expect: one
print(len({Key(2), Key(2), Key(3)}))  # expect: 2
print(Key(1) in d, Key(9) in d)  # expect: True False
