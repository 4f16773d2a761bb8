# property with a getter and a setter.
class Celsius:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @property
    def f(self):
        return self._c * 9 / 5 + 32
t = Celsius()
t.c = 100
print(t.c, t.f)  # expect: 100 212.0
try:
    t.c = -300
except ValueError as e:
    print(e)  # expect: too cold
