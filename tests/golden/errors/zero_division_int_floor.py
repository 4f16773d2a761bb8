# Integer floor division by zero.
def per_item(total, n):
    return total // n
print(per_item(7, 2))  # expect: 3
print(per_item(7, 0))
# error: ZeroDivisionError: integer division or modulo by zero
