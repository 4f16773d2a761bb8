# A failed assert without a message prints just the type.
def check(n):
    assert n % 2 == 0
    return n // 2
print(check(4))  # expect: 2
check(3)
# error: AssertionError
