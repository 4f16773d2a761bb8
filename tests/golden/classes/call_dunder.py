# __call__ makes instances callable.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, y=1):
        return self.k * x * y
triple = Multiplier(3)
print(triple(5), triple(2, y=10))  # expect: 15 60
print(callable(triple), callable(Multiplier), callable(5))  # expect: True True False
print(list(map(triple, [1, 2])))  # expect: [3, 6]
