# print uses __str__, containers use __repr__, str falls back to __repr__.
class V:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"V({self.n})"
class W(V):
    def __str__(self):
        return f"w{self.n}"
print(V(1), str(V(2)))  # expect: V(1) V(2)
print([V(3)], (W(4),))  # expect: [V(3)] (V(4),)
print(W(5), repr(W(6)))  # expect: w5 V(6)
print(f"{W(7)}")  # expect: w7
