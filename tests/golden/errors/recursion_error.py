# Unbounded recursion raises RecursionError.
def forever(n):
    return forever(n + 1)
forever(0)
# error: RecursionError: maximum recursion depth exceeded
