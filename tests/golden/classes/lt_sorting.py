# __lt__ is enough for sorted, min and max; > uses the reflected __lt__.
class Card:
    def __init__(self, rank):
        self.rank = rank
    def __lt__(self, other):
        return self.rank < other.rank
    def __repr__(self):
        return f"Card({self.rank})"
cards = [Card(5), Card(2), Card(9)]
print(sorted(cards))  # expect: [Card(2), Card(5), Card(9)]
print(min(cards), max(cards))  # expect: Card(2) Card(9)
print(Card(3) > Card(1))  # expect: True
