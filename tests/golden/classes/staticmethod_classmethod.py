# staticmethod and classmethod.
class Temp:
    scale = 'C'
    def __init__(self, deg):
        self.deg = deg
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def freezing(cls):
        return cls(0)
class Sub(Temp):
    scale = 'sub'
print(Temp.c_to_f(100), Temp(1).c_to_f(0))  # expect: 212.0 32.0
t = Sub.freezing()
print(type(t).__name__, t.deg, t.scale)  # expect: Sub 0 sub
