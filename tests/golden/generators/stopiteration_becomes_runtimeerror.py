# A StopIteration escaping a generator body becomes a RuntimeError (PEP 479).
def bad():
    yield 1
    next(iter([]))
try:
    list(bad())
except RuntimeError as e:
    print(e)  # expect: generator raised StopIteration
