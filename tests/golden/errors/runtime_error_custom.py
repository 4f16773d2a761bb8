# Raising RuntimeError directly from a function.
def step(n):
    if n > 2:
        raise RuntimeError("something went wrong")
    return n
print(step(1), step(2))  # expect: 1 2
step(3)
# error: RuntimeError: something went wrong
