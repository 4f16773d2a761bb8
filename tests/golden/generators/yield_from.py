# yield from delegates to a sub-iterator and returns its return value.
def inner():
    yield 'a'
    yield 'b'
    return 'inner-done'
def outer():
    r = yield from inner()
    yield r
    yield from range(2)
print(list(outer()))  # expect: ['a', 'b', 'inner-done', 0, 1]
