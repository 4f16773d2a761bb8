# send() passes through yield from to the inner generator.
def inner():
    got = []
    while len(got) < 2:
        got.append((yield len(got)))
    return got
def outer():
    result = yield from inner()
    yield ('inner returned', result)
g = outer()
print(next(g))  # expect: 0
print(g.send('x'))  # expect: 1
print(g.send('y'))  # expect: ('inner returned', ['x', 'y'])
