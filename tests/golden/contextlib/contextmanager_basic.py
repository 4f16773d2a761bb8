# contextlib.contextmanager: enter value, cleanup on normal exit and when the block raises
from contextlib import contextmanager
@contextmanager
def tag(name):
    print('<' + name + '>')
    try:
        yield name.upper()
    finally:
        print('</' + name + '>')
with tag('a') as t:
    print('inside', t)
try:
    with tag('b'):
        raise ValueError('boom')
except ValueError as e:
    print('propagated', e)
print('after', tag.__name__)

# expect: <a>
# expect: inside A
# expect: </a>
# expect: <b>
# expect: </b>
# expect: propagated boom
# expect: after tag
