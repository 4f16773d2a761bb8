# printf-style %: str.__mod__ runs first; __rmod__ and __mod__ of user classes still apply.
class Right:
    def __rmod__(self, other):
        return "rmod"
    def __repr__(self):
        return "Right()"

class Left:
    def __mod__(self, other):
        return "mod " + other

print("%s" % Right())  # expect: Right()
print(Left() % "x")  # expect: mod x
s = "n=%d"
s %= 5
print(s)  # expect: n=5
try:
    5 % "a"
except TypeError as e:
    print("TypeError", e)
# expect: TypeError unsupported operand type(s) for %: 'int' and 'str'
try:
    "%s %s" % Right()
except TypeError as e:
    print("TypeError", e)
# expect: TypeError not enough arguments for format string
