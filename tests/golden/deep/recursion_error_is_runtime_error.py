# RecursionError is caught by except RuntimeError.
def r():
    r()
try:
    r()
except RuntimeError as e:
    print(type(e).__name__)  # expect: RecursionError
