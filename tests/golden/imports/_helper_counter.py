# Helper with a visible side effect at import time.
print("loading counter module")
value = 0

def bump():
    global value
    value += 1
    return value
