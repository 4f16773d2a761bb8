# Division, modulo, power, bitwise and comparison dunders.
class N:
    def __init__(self, v):
        self.v = v
    def __truediv__(self, o): return f"truediv {self.v}/{o}"
    def __floordiv__(self, o): return f"floordiv {self.v}//{o}"
    def __mod__(self, o): return f"mod {self.v}%{o}"
    def __pow__(self, o): return f"pow {self.v}**{o}"
    def __and__(self, o): return f"and {self.v}&{o}"
    def __or__(self, o): return f"or {self.v}|{o}"
    def __xor__(self, o): return f"xor {self.v}^{o}"
    def __lshift__(self, o): return f"lshift {self.v}<<{o}"
    def __le__(self, o): return f"le {self.v}<={o}"
    def __ge__(self, o): return f"ge {self.v}>={o}"
n = N(7)
print(n / 2, n // 2, n % 2, n ** 2, sep=' | ')  # expect: truediv 7/2 | floordiv 7//2 | mod 7%2 | pow 7**2
print(n & 1, n | 1, n ^ 1, n << 1, sep=' | ')  # expect: and 7&1 | or 7|1 | xor 7^1 | lshift 7<<1
print(n <= 3, n >= 4)  # expect: le 7<=3 ge 7>=4
