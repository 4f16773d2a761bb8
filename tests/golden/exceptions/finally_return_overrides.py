# A return in finally overrides the try's return and swallows exceptions.
def f():
    try:
        return "try"
    finally:
        return "finally"
def g():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f(), g())  # expect: finally swallowed
