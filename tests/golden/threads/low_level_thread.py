# _thread: start_new_thread with args and kwargs, allocate_lock, get_ident.
import _thread

done = _thread.allocate_lock()
done.acquire()
result = []

def f(a, b, c=None):
    result.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()

main_ident = _thread.get_ident()
_thread.start_new_thread(f, (1, 2), {"c": 3})
done.acquire()
print(result)  # expect: [(1, 2, 3, True)]
print(type(done).__name__, isinstance(_thread.TIMEOUT_MAX, float))  # expect: lock True
try:
    _thread.start_new_thread(f, [1, 2])
except TypeError as e:
    print(e)  # expect: 2nd arg must be a tuple
