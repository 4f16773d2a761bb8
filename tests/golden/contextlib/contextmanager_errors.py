# contextmanager's RuntimeErrors: no yield, two yields, yield after a thrown exception
from contextlib import contextmanager
@contextmanager
def no_yield():
    if False:
        yield
@contextmanager
def two_yields():
    yield 1
    yield 2
@contextmanager
def keeps_going():
    try:
        yield
    except ValueError:
        yield
for cm, exc in [(no_yield, None), (two_yields, None), (keeps_going, ValueError)]:
    try:
        with cm():
            if exc:
                raise exc('x')
    except RuntimeError as e:
        print('RuntimeError:', e)

# expect: RuntimeError: generator didn't yield
# expect: RuntimeError: generator didn't stop
# expect: RuntimeError: generator didn't stop after throw()
