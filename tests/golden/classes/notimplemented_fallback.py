# Returning NotImplemented lets Python try the other operand, then fail.
class A:
    def __add__(self, o):
        return NotImplemented
class B:
    def __radd__(self, o):
        return "B.__radd__"
print(A() + B())  # expect: B.__radd__
A() + 1
# error: TypeError: unsupported operand type(s) for +: 'A' and 'int'
