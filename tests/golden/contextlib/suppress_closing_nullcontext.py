# suppress, closing and nullcontext
from contextlib import suppress, closing, nullcontext
with suppress(KeyError, IndexError):
    [][1]
print('suppressed IndexError')
try:
    with suppress(KeyError):
        raise ValueError('v')
except ValueError as e:
    print('not suppressed', e)
with suppress():
    pass
class Resource:
    def close(self):
        print('closed')
with closing(Resource()) as r:
    print(type(r).__name__)
with nullcontext(42) as v:
    print(v)
with nullcontext() as v:
    print(v)

# expect: suppressed IndexError
# expect: not suppressed v
# expect: Resource
# expect: closed
# expect: 42
# expect: None
