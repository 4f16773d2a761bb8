# RecursionError can be caught, and the program goes on normally.
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught:", str(e).startswith("maximum recursion depth exceeded"))  # expect: caught: True
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(500))  # expect: 500
try:
    forever(0)
except RecursionError:
    print("caught again")  # expect: caught again
