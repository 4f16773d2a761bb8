# sum() starts from 0, so it needs __radd__.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return Money(self.cents + other)
    __radd__ = __add__
    def __str__(self):
        return f"${self.cents / 100:.2f}"
print(sum([Money(150), Money(275), Money(5)]))  # expect: $4.30
print(10 + Money(90))  # expect: $1.00
