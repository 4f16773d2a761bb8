# next() on an exhausted generator without a default raises StopIteration.
def g():
    yield 'only'
it = g()
print(next(it))  # expect: only
next(it)
# error: StopIteration
