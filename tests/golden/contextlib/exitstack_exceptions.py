# ExitStack: an exception raised by a callback replaces the one in flight, with it as context
from contextlib import ExitStack
def fail(msg):
    raise KeyError(msg)
try:
    with ExitStack() as stack:
        stack.callback(fail, 'outer')
        stack.callback(fail, 'inner')
        raise ValueError('body')
except KeyError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
try:
    with ExitStack() as stack:
        stack.callback(fail, 'only')
except KeyError as e:
    print(repr(e), e.__context__)

# expect: KeyError('outer') KeyError('inner') ValueError('body')
# expect: KeyError('only') None
