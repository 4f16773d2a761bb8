# An exception inside a generator propagates to the consumer.
def g():
    yield 1
    raise ValueError("inside gen")
    yield 2
out = []
try:
    for v in g():
        out.append(v)
except ValueError as e:
    print(out, e)  # expect: [1] inside gen
