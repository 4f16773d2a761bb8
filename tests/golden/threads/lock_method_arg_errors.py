# _thread lock and RLock methods called wrongly raise CPython's TypeErrors (aliases say "acquire()").
import _thread

lock = _thread.allocate_lock()
rlock = _thread.RLock()
probes = {
    "lock.acquire(1, 2, 3)": lambda: lock.acquire(1, 2, 3),
    "lock.__enter__(1, 2, 3)": lambda: lock.__enter__(1, 2, 3),
    "lock.acquire_lock(1, 2, 3)": lambda: lock.acquire_lock(1, 2, 3),
    "lock.release(1)": lambda: lock.release(1),
    "lock.locked(1)": lambda: lock.locked(1),
    "rlock.release(1)": lambda: rlock.release(1),
    "rlock._is_owned(1)": lambda: rlock._is_owned(1),
    "rlock._acquire_restore()": lambda: rlock._acquire_restore(),
    "get_ident(1)": lambda: _thread.get_ident(1),
    "get_ident(x=1)": lambda: _thread.get_ident(x=1),
}
for label in probes:
    try:
        probes[label]()
        print(label, "accepted")
    except TypeError as e:
        print(label, "=>", e)
print(lock.acquire(blocking=False), lock.locked(), lock.acquire(False))
lock.release()
# expect: lock.acquire(1, 2, 3) => acquire() takes at most 2 arguments (3 given)
# expect: lock.__enter__(1, 2, 3) => acquire() takes at most 2 arguments (3 given)
# expect: lock.acquire_lock(1, 2, 3) => acquire() takes at most 2 arguments (3 given)
# expect: lock.release(1) => lock.release() takes no arguments (1 given)
# expect: lock.locked(1) => lock.locked() takes no arguments (1 given)
# expect: rlock.release(1) => RLock.release() takes no arguments (1 given)
# expect: rlock._is_owned(1) => RLock._is_owned() takes no arguments (1 given)
# expect: rlock._acquire_restore() => _acquire_restore() takes exactly 1 argument (0 given)
# expect: get_ident(1) => _thread.get_ident() takes no arguments (1 given)
# expect: get_ident(x=1) => _thread.get_ident() takes no keyword arguments
# expect: True True False
