"""Thread-based parallelism, written in the language on the native _thread.

Design (after CPython's Lib/threading.py, which this follows name for name):

* _thread gives OS threads (start_new_thread), a plain lock (allocate_lock)
  and a native reentrant lock (RLock). Every blocking wait in this module
  ends in one of those locks' acquire(), which releases the GIL while it
  waits and wakes for Ctrl-C on the main thread; nothing here spins. That
  is also where gilvm sees a deadlock: when every thread is in an acquire()
  with no timeout that can never succeed, it prints each thread's stack
  and exits with status 1 (interpreter/modules/thread.cpp).

* Condition keeps one private "waiter" lock per waiting thread: wait()
  allocates a lock, acquires it, queues it, releases the condition's lock and
  acquires the waiter lock again, which blocks until notify() releases it.
  Semaphore, Event and Barrier are built on Condition, as in CPython.

* A Thread is registered in _limbo while starting and in _active (keyed by
  ident) while it runs. Its _tstate_lock, acquired by the new thread before
  start() returns and released as its last act, is what join() waits on (the
  role of CPython's tstate lock). _shutdown(), called by the interpreter at
  exit (interpreter/vm/shutdown.cpp), joins every non-daemon thread.

* An uncaught exception in run() goes to threading.excepthook (looked up at
  the time, so a program may replace it), which prints "Exception in thread
  NAME:" and the traceback to sys.stderr; the program goes on.

* local keeps one dict per thread: the values live on the thread's Thread
  object (so they die with it), keyed by the local object's serial number;
  attribute access goes through __getattr__/__setattr__/__delattr__.
  Limitation: gilvm has no __getattribute__ hook, so an attribute that the
  local's class itself defines (a class-level default) is not shadowed by a
  per-thread assignment of the same name.
"""

import _thread
import sys as _sys
import time as _timemod

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock',
           'Semaphore', 'BoundedSemaphore', 'Thread', 'Barrier',
           'BrokenBarrierError', 'Timer', 'ThreadError', 'ExceptHookArgs',
           'excepthook', 'get_native_id', 'local', 'stack_size']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_CRLock = _thread.RLock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
stack_size = _thread.stack_size
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
_time = _timemod.monotonic
# gilvm's own: names the calling thread's native state (None elsewhere).
_set_name = getattr(_thread, '_set_name', None)

Lock = _allocate_lock


def RLock(*args, **kwargs):
    """A reentrant lock: the thread that holds it may acquire it again."""
    return _CRLock(*args, **kwargs)


# ---------------------------------------------------------------------------
# Condition variables
# ---------------------------------------------------------------------------

class Condition:
    """A condition variable over a lock (an RLock by default)."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        if hasattr(lock, '_release_save'):
            self._release_save = lock._release_save
            self._acquire_restore = lock._acquire_restore
            self._is_owned = lock._is_owned
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return f"<Condition({self._lock!r}, {len(self._waiters)})>"

    # For a plain lock: release it and, after waiting, take it back.
    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock has no owner: held by someone counts as owned.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    def notifyAll(self):
        self.notify_all()


# ---------------------------------------------------------------------------
# Semaphores, events, barriers
# ---------------------------------------------------------------------------

class Semaphore:
    """A counter that acquire() decrements, waiting while it is zero."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        return f"<{type(self).__module__}.{type(self).__name__} at {hex(id(self))}: value={self._value}>"

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    def __enter__(self):
        return self.acquire()

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        return (f"<{type(self).__module__}.{type(self).__name__} at {hex(id(self))}: "
                f"value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag that threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        status = 'set' if self._flag else 'unset'
        return f"<{type(self).__module__}.{type(self).__name__} at {hex(id(self))}: {status}>"

    def is_set(self):
        return self._flag

    def isSet(self):
        return self._flag

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """parties threads wait() until all have arrived, then all go on.

    _state: 0 filling, 1 draining, -1 resetting, -2 broken (as CPython).
    """

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0
        self._count = 0

    def __repr__(self):
        if self.broken:
            return f"<{type(self).__module__}.{type(self).__name__} at {hex(id(self))}: broken>"
        return (f"<{type(self).__module__}.{type(self).__name__} at {hex(id(self))}: "
                f"waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state == -1 or self._state == 1:
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except BaseException:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state == -1 or self._state == 1:
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0 or self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


# ---------------------------------------------------------------------------
# Threads
# ---------------------------------------------------------------------------

_counter = 0


def _newname(prefix):
    global _counter
    _counter += 1
    return f"{prefix}{_counter}"


_active_limbo_lock = RLock()
_active = {}    # ident -> Thread, for running threads
_limbo = {}     # Thread -> Thread, for threads between start() and running


class ExceptHookArgs:
    """The argument of threading.excepthook."""

    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __repr__(self):
        return (f"ExceptHookArgs(exc_type={self.exc_type!r}, exc_value={self.exc_value!r}, "
                f"exc_traceback={self.exc_traceback!r}, thread={self.thread!r})")


def excepthook(args):
    """Prints "Exception in thread NAME:" and the traceback to sys.stderr."""
    if args.exc_type is SystemExit:
        return
    stderr = _sys.stderr
    if stderr is None:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    stderr.write(f"Exception in thread {name}:\n")
    stderr.write(_thread._format_exception(args.exc_value))
    stderr.flush()


__excepthook__ = excepthook


def _invoke_excepthook(thread, exc):
    hook = excepthook   # the module's current one: a program may replace it
    try:
        hook(ExceptHookArgs(type(exc), exc, getattr(exc, '__traceback__', None), thread))
    except BaseException as hook_exc:
        stderr = _sys.stderr
        if stderr is not None:
            stderr.write("Exception in threading.excepthook:\n")
            stderr.write(_thread._format_exception(hook_exc))
            stderr.flush()


class Thread:
    """A thread of control: run() on a new OS thread after start()."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._locals = {}

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += f" {self._ident}"
        return f"<{type(self).__name__}({self._name}, {status})>"

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # Break reference cycles through the target and its arguments.
            self._target = None
            self._args = None
            self._kwargs = None

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except BaseException:
            if self._daemonic and _sys is None:
                return
            raise

    def _set_ident(self):
        self._ident = get_ident()
        if _set_name is not None:
            _set_name(self._name)

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        # Held while the thread lives; join() waits for its release.
        self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()

    def _bootstrap_inner(self):
        tstate_lock = None
        try:
            self._set_ident()
            self._set_tstate_lock()
            tstate_lock = self._tstate_lock
            self._set_native_id()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            self._started.set()
            try:
                self.run()
            except BaseException as exc:
                _invoke_excepthook(self, exc)
        finally:
            with _active_limbo_lock:
                try:
                    del _active[get_ident()]
                except KeyError:
                    pass
            self._is_stopped = True
            if tstate_lock is not None:
                tstate_lock.release()

    def _stop(self):
        self._is_stopped = True
        self._tstate_lock = None

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            return
        if lock.acquire(block, timeout):
            lock.release()
            self._stop()

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = str(name)
        if _set_name is not None and self._ident is not None and self._ident == get_ident():
            _set_name(self._name)

    @property
    def ident(self):
        return self._ident

    @property
    def native_id(self):
        return self._native_id

    def is_alive(self):
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Calls function(*args, **kwargs) after interval seconds, unless cancel()ed."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started by bare _thread: always alive, a daemon."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-"), daemon=True)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    return current_thread()


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    return active_count()


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    return _main_thread


_main_thread = _MainThread()


def _after_fork():
    """Called by os.fork() in the child, where only the calling thread still
    runs (as CPython's threading._after_fork): the others are marked stopped
    (their join() returns at once), the calling thread becomes the main
    thread, and the registry lock, which a vanished thread may have held, is
    made anew."""
    global _active_limbo_lock, _main_thread, _active, _limbo
    _active_limbo_lock = RLock()
    me = get_ident()
    current = _active.get(me)
    for t in list(_active.values()) + list(_limbo.values()):
        if t is not current:
            t._is_stopped = True
            t._tstate_lock = None
    _limbo = {}
    if current is None:
        _active = {}
        current = _DummyThread()
    _active = {me: current}
    _main_thread = current


def _shutdown():
    """Waits for every non-daemon thread (called by the interpreter at exit)."""
    if _main_thread._is_stopped:
        return
    tlock = _main_thread._tstate_lock
    if tlock is not None and tlock.locked():
        tlock.release()
    _main_thread._stop()
    # Hooks of threading._register_atexit run before the threads are joined
    # (concurrent.futures stops its idle workers there), the latest first.
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    while True:
        with _active_limbo_lock:
            pending = []
            for t in _enumerate():
                if t is not _main_thread and not t._daemonic and not isinstance(t, _DummyThread):
                    pending.append(t)
        if not pending:
            break
        for t in pending:
            t._started.wait()
            t.join()
    _run_exit_hooks(False)


_exit_hooks = []
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Calls func(*arg, **kwargs) at interpreter exit, before the non-daemon
    threads are joined (CPython's threading._register_atexit)."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))



def _register_exit_hook(hook):
    """Runs hook(interrupted) at interpreter exit: after the non-daemon
    threads have been joined (interrupted False; multiprocessing joins its
    children there, as CPython's atexit handler does), or, when the program
    ended with Ctrl-C and nothing is joined, with interrupted True (the
    interpreter calls _run_exit_hooks itself then)."""
    _exit_hooks.append(hook)


def _run_exit_hooks(interrupted):
    for hook in _exit_hooks:
        hook(interrupted)


# ---------------------------------------------------------------------------
# Thread-local data
# ---------------------------------------------------------------------------

_local_serial = 0


def _local_dict(self, create):
    """This thread's dict for local object self (None if absent and not create)."""
    key = self._local__key      # in the instance dict: no __getattr__ call
    dicts = current_thread()._locals
    d = dicts.get(key)
    if d is None and create:
        d = {}
        dicts[key] = d
        args, kw = self._local__args
        init = type(self).__init__
        if init is not local.__init__:
            init(self, *args, **kw)
    return d


class local:
    """An object whose attributes each thread sees separately."""

    def __new__(cls, *args, **kw):
        if (args or kw) and (cls.__init__ is local.__init__):
            raise TypeError("Initialization arguments are not supported")
        global _local_serial
        _local_serial += 1
        self = object.__new__(cls)
        object.__setattr__(self, '_local__key', _local_serial)
        object.__setattr__(self, '_local__args', (args, kw))
        # The creating thread's dict exists now: __init__ runs here by the
        # ordinary call, and in every other thread at its first access.
        current_thread()._locals[_local_serial] = {}
        return self

    def __init__(self, *args, **kw):
        pass

    def __getattr__(self, name):
        d = _local_dict(self, True)
        try:
            return d[name]
        except KeyError:
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'") from None

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(f"'{type(self).__name__}' object attribute '__dict__' is read-only")
        _local_dict(self, True)[name] = value

    def __delattr__(self, name):
        d = _local_dict(self, True)
        try:
            del d[name]
        except KeyError:
            raise AttributeError(name) from None
