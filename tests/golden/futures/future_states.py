# A bare Future: states, set_result/set_exception, InvalidStateError, and CPython's repr.
from concurrent.futures import Future, InvalidStateError, CancelledError

def state(f):
    r = repr(f)
    return r[:r.index(' at ')] + r[r.index(' state='):]

f = Future()
print(state(f), f.done(), f.running(), f.cancelled())  # expect: <Future state=pending> False False False
print(f.set_running_or_notify_cancel(), state(f))  # expect: True <Future state=running>
print(f.cancel())  # expect: False
f.set_result([1])
print(state(f), f.result(), f.exception())  # expect: <Future state=finished returned list> [1] None
try:
    f.set_result(2)
except InvalidStateError as e:
    print(str(e).split(':')[0])  # expect: FINISHED
g = Future()
g.set_exception(KeyError('k'))
print(state(g), repr(g.exception()))  # expect: <Future state=finished raised KeyError> KeyError('k')
h = Future()
print(h.cancel(), h.cancel(), h.cancelled(), state(h))  # expect: True True True <Future state=cancelled>
try:
    h.result()
except CancelledError as e:
    print(type(e).__name__, issubclass(CancelledError, Exception))  # expect: CancelledError True
print(h.set_running_or_notify_cancel(), state(h))  # expect: False <Future state=cancelled>
