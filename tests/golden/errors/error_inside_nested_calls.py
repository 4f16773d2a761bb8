# The stdout printed before a deep failure is kept, in order.
def a(n):
    print("a", n)
    return b(n)
def b(n):
    print("b", n)
    return [1, 2][n]
a(1)
a(5)
# expect: a 1
# expect: b 1
# expect: a 5
# expect: b 5
# error: IndexError: list index out of range
