# __iter__ can be a generator function.
class Tree:
    def __init__(self, *kids):
        self.kids = kids
    def __iter__(self):
        for k in self.kids:
            yield k * 10
t = Tree(1, 2, 3)
print(list(t), list(t))  # expect: [10, 20, 30] [10, 20, 30]
print(sum(t), max(t))  # expect: 60 30
