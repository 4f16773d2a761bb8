"""multiprocessing's locks (multiprocessing.synchronize): Lock, RLock,
Semaphore, BoundedSemaphore, Condition, Event and Barrier, all on
_multiprocessing.SemLock, a POSIX named semaphore that forked children
share through the inherited mapping and spawned children reopen by name.

The names this process creates (semaphores here, shared memory in
_mp_sharedctypes) are recorded, and removed at its exit (_unlink_created)."""

import os
import threading
import time
import _multiprocessing

import _mp_connection


def _unlink_created():
    """Removes the names of the semaphores and shared memory this process
    created (/dev/shm/...): at its exit, once its children are gone. The
    objects' own destructors do it when they are collected earlier; this
    covers the exits that skip the destructors (daemon threads still running,
    Ctrl-C, a forked child's os._exit). A process killed by SIGKILL leaves
    its names behind (CPython cleans those up with a resource-tracker
    process; gilvm has none)."""
    pid = os.getpid()
    for owner, kind, name in _created_names:
        if owner == pid:
            _multiprocessing.unlink(kind, name)
    _created_names[:] = [entry for entry in _created_names if entry[0] != pid]


_created_names = []   # (creating pid, 'sem' or 'shm', name)


def _created(obj, kind):
    _created_names.append((os.getpid(), kind, obj._name()))
    return obj


_SEM_VALUE_MAX = 2147483647


class _SemLockBased:
    """Holds a _multiprocessing.SemLock (a POSIX named semaphore)."""

    def _make(self, value, maxvalue):
        self._semlock = _created(_multiprocessing.SemLock(value, maxvalue), 'sem')
        self._maxvalue = maxvalue

    def acquire(self, block=True, timeout=None):
        return self._semlock.acquire(block, timeout)

    def release(self):
        self._semlock.release()

    def __enter__(self):
        return self._semlock.acquire()

    def __exit__(self, *args):
        self.release()

    def __reduce__(self):
        if not _mp_connection._spawning:
            raise RuntimeError(f'{type(self).__name__} objects should only be shared between processes '
                               'through inheritance')
        return (_rebuild_semlock, (type(self), self._semlock._name(), self._maxvalue, self._extra_state()))

    def _extra_state(self):
        return None

    def _restore(self, extra):
        pass


def _rebuild_semlock(cls, name, maxvalue, extra):
    obj = cls.__new__(cls)
    obj._semlock = _multiprocessing.SemLock(0, maxvalue, name)
    obj._maxvalue = maxvalue
    obj._restore(extra)
    return obj


class Semaphore(_SemLockBased):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._make(value, _SEM_VALUE_MAX)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        return f'<{type(self).__name__}(value={self._semlock._get_value()})>'


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._make(value, value)

    def __repr__(self):
        return f'<{type(self).__name__}(value={self._semlock._get_value()}, maxvalue={self._maxvalue})>'


class Lock(_SemLockBased):
    """A lock shared between processes: any process or thread may release
    it (as CPython's multiprocessing.Lock)."""

    def __init__(self):
        self._make(1, 1)

    def __repr__(self):
        state = 'unlocked' if self._semlock._get_value() else 'locked'
        return '<Lock(owner=' + ('None' if state == 'unlocked' else 'unknown') + ')>'


class RLock(_SemLockBased):
    """A recursive lock: the owner (a process and thread) may take it again.
    The owner and depth live in this process's copy of the object: only the
    owner reads or changes them."""

    def __init__(self):
        self._make(1, 1)
        self._owner = None
        self._count = 0

    def _extra_state(self):
        return None

    def _restore(self, extra):
        self._owner = None
        self._count = 0

    def _me(self):
        return (os.getpid(), threading.get_ident())

    def acquire(self, block=True, timeout=None):
        me = self._me()
        if self._owner == me:
            self._count += 1
            return True
        if not self._semlock.acquire(block, timeout):
            return False
        self._owner = me
        self._count = 1
        return True

    def release(self):
        if self._owner != self._me():
            raise AssertionError('attempt to release recursive lock not owned by thread')
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._semlock.release()

    def __enter__(self):
        return self.acquire()

    def _is_owned(self):
        return self._owner == self._me()

    def _release_all(self):
        count = self._count
        self._count = 0
        self._owner = None
        self._semlock.release()
        return count

    def _acquire_restore(self, count):
        self._semlock.acquire()
        self._owner = self._me()
        self._count = count


class Condition:
    """A condition variable across processes (CPython's design: a sleeping
    count, a semaphore to sleep on and one to acknowledge wake-ups)."""

    def __init__(self, lock=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _release_lock(self):
        if isinstance(self._lock, RLock):
            assert self._lock._is_owned(), 'must acquire() condition before using wait()'
            return self._lock._release_all()
        self._lock.release()
        return 1

    def _restore_lock(self, count):
        if isinstance(self._lock, RLock):
            self._lock._acquire_restore(count)
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        self._sleeping_count.release()
        count = self._release_lock()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            self._restore_lock(count)

    def notify(self, n=1):
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, 'notify: Bug in sleeping_count.acquire - res should not be False'
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=_SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result

    def __reduce__(self):
        return (_rebuild_condition, (self._lock, self._sleeping_count, self._woken_count, self._wait_semaphore))


def _rebuild_condition(lock, sleeping, woken, wait_sem):
    c = Condition.__new__(Condition)
    c._lock, c._sleeping_count, c._woken_count, c._wait_semaphore = lock, sleeping, woken, wait_sem
    return c


class Event:
    """An event shared between processes: a condition and a flag semaphore."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def __reduce__(self):
        return (_rebuild_event, (self._cond, self._flag))


def _rebuild_event(cond, flag):
    e = Event.__new__(Event)
    e._cond, e._flag = cond, flag
    return e


class Barrier:
    """A barrier for `parties` processes (a shared count and generation)."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError('parties must be > 0')
        from _mp_sharedctypes import Array
        self._cond = Condition()
        self._state = Array('i', 2)   # [waiting count, generation]
        self._parties = parties
        self._action = action
        self._timeout = timeout

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._state[0]

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            gen = self._state[1]
            index = self._state[0]
            self._state[0] = index + 1
            if index + 1 == self._parties:
                if self._action:
                    self._action()
                self._state[0] = 0
                self._state[1] = gen + 1
                self._cond.notify_all()
            elif not self._cond.wait_for(lambda: self._state[1] != gen, timeout):
                raise threading.BrokenBarrierError
            return index
