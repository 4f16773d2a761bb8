# __len__ drives len() and truthiness.
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
print(len(Bag(1, 2)), len(Bag()))  # expect: 2 0
print(bool(Bag()), bool(Bag(0)))  # expect: False True
if not Bag():
    print("empty bag is falsy")  # expect: empty bag is falsy
