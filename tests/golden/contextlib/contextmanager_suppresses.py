# a @contextmanager generator that catches the exception thrown in at its yield suppresses it
from contextlib import contextmanager
@contextmanager
def swallow():
    try:
        yield 'v'
    except KeyError as e:
        print('swallowed', repr(e))
    print('cleanup')
with swallow() as v:
    print('body', v)
    raise KeyError('k')
print('after')

# expect: body v
# expect: swallowed KeyError('k')
# expect: cleanup
# expect: after
