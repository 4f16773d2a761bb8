# ExitStack: LIFO unwinding of enter_context/callback/push, pop_all, close, and suppression
from contextlib import ExitStack, contextmanager
@contextmanager
def res(name):
    print('open', name)
    yield name
    print('close', name)
with ExitStack() as stack:
    names = [stack.enter_context(res(n)) for n in 'abc']
    stack.callback(print, 'callback', 1, sep='-')
    print(names)
def suppressor(typ, val, tb):
    print('push saw', typ.__name__ if typ else None)
    return True
with ExitStack() as stack:
    stack.push(suppressor)
    stack.enter_context(res('d'))
    raise ValueError('gone')
print('suppressed')
with ExitStack() as stack:
    stack.enter_context(res('e'))
    later = stack.pop_all()
print('moved')
later.close()
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print('TypeError:', e)

# expect: open a
# expect: open b
# expect: open c
# expect: ['a', 'b', 'c']
# expect: callback-1
# expect: close c
# expect: close b
# expect: close a
# expect: open d
# expect: push saw ValueError
# expect: suppressed
# expect: open e
# expect: moved
# expect: close e
# expect: TypeError: 'builtins.object' object does not support the context manager protocol
