# A chain of 200 nested yield from delegations.
def leaf():
    yield 1
    yield 2
def wrap(g, n):
    if n == 0:
        yield from g
    else:
        yield from wrap(g, n - 1)
print(list(wrap(leaf(), 200)))  # expect: [1, 2]
