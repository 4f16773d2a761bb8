"""multiprocessing's pools (multiprocessing.pool): Pool, ThreadPool and the
results of their asynchronous calls.

Each worker of a Pool is a daemonic Process with a duplex Pipe. In the
parent one handler thread per worker takes tasks from an in-process queue,
sends one chunk to its worker and waits for the answer: a worker is given
work when it has finished the previous chunk, as with CPython's shared task
queue. A worker that raises sends the exception and its traceback text
back; map()/get() re-raise the same exception type with a RemoteTraceback
as __cause__, as CPython 3.11 does. A ThreadPool's handler threads run the
tasks themselves."""

import os
import pickle
import queue as _queue
import threading
import _thread
import _multiprocessing

import multiprocessing  # imported first: ProcessError, TimeoutError and the contexts, used at call time
from _mp_connection import Pipe


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class MaybeEncodingError(Exception):
    """A worker's result or exception that could not be pickled."""

    def __init__(self, exc, value):
        self.exc = exc        # repr() of the pickling error
        self.value = value    # repr() of the value
        super().__init__(exc, value)

    def __str__(self):
        return f"Error sending result: '{self.value}'. Reason: '{self.exc}'"


def _encode_error(e):
    """What a worker sends back for an exception: (type, args, traceback
    text), the args replaced by the message when they cannot be pickled."""
    tb = _thread._format_exception(e)
    for payload in ((type(e), e.args), (type(e), (str(e),))):
        try:
            return pickle.dumps(('err', payload + (tb,)))
        except Exception:
            pass
    return pickle.dumps(('err', (RuntimeError, (f'{type(e).__name__}: {e}',), tb)))


def _decode_error(payload):
    cls, args, tb = payload
    try:
        exc = cls(*args)
    except Exception:
        exc = RuntimeError(f'{cls.__name__}{args!r}')
    exc.__cause__ = RemoteTraceback('\n"""\n' + tb + '"""')
    return exc


def _pool_worker(conn, initializer, initargs):
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        except Exception as e:  # the task does not unpickle here (spawn: no such function)
            conn.send_bytes(_encode_error(e))
            continue
        if task is None:
            return
        func, chunk, star = task
        try:
            result = [func(*a) if star else func(a) for a in chunk]
            try:
                data = pickle.dumps(('ok', result))
            except Exception as e:
                data = pickle.dumps(('err', (MaybeEncodingError, (repr(e), repr(result)), '')))
        except BaseException as e:
            if isinstance(e, (KeyboardInterrupt, SystemExit)):
                raise
            data = _encode_error(e)
        conn.send_bytes(data)


_RUN, _CLOSE, _TERMINATE = 0, 1, 2


class ApplyResult:
    """The result of apply_async / map_async: ready when every chunk has
    arrived."""

    def __init__(self, pool, nchunks, callback=None, error_callback=None, single=True):
        self._pool = pool
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._chunks = [None] * nchunks
        self._remaining = nchunks
        self._error = None
        self._callback = callback
        self._error_callback = error_callback
        self._single = single
        self._value = None
        if nchunks == 0:
            self._value = []
            self._event.set()

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError('{0!r} not ready'.format(self))
        return self._error is None

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise multiprocessing.TimeoutError
        if self._error is not None:
            raise self._error
        return self._value

    def _set(self, i, ok, value):
        with self._lock:
            if ok:
                self._chunks[i] = value
            elif self._error is None:
                self._error = value
            self._remaining -= 1
            done = self._remaining == 0
        if not done:
            return
        if self._error is None:
            if self._single:
                self._value = self._chunks[0][0]
            else:
                self._value = [x for c in self._chunks for x in c]
            if self._callback is not None:
                self._callback(self._value)
        elif self._error_callback is not None:
            self._error_callback(self._error)
        self._event.set()


AsyncResult = ApplyResult
MapResult = ApplyResult


class Pool:
    """A pool of worker processes (see the module docstring for the design)."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        self._setup(processes, initializer, maxtasksperchild)
        self._ctx = context or multiprocessing.get_context()
        method = self._ctx.get_start_method()
        prefix = 'ForkPoolWorker' if method == 'fork' else 'SpawnPoolWorker'
        for i in range(self._processes):
            parent_conn, child_conn = Pipe()
            w = self._ctx.Process(target=_pool_worker, args=(child_conn, initializer, initargs))
            w.name = prefix + '-' + ':'.join(str(k) for k in w._identity)
            w.daemon = True
            w.start()
            child_conn.close()
            self._pool.append(w)
            self._conns.append(parent_conn)
        for conn in self._conns:
            self._start_handler(self._handle, (conn,))

    def _setup(self, processes, initializer, maxtasksperchild):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError('Number of processes must be at least 1')
        if maxtasksperchild is not None:
            raise ValueError('gilvm: Pool(maxtasksperchild=...) is not supported')
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._state = _RUN
        self._tasks = _queue.Queue()
        self._pool = []
        self._conns = []
        self._handlers = []

    def _start_handler(self, target, args):
        h = threading.Thread(target=target, args=args, daemon=True)
        h.start()
        self._handlers.append(h)

    def _handle(self, conn):
        while True:
            task = self._tasks.get()
            if task is None:
                try:
                    conn.send(None)
                except OSError:
                    pass
                return
            result, i, func, chunk, star = task
            try:
                data = pickle.dumps((func, chunk, star))
            except Exception as e:
                result._set(i, False, e)
                continue
            try:
                _multiprocessing.send_bytes(conn._wfd, data)
                ok, value = pickle.loads(conn.recv_bytes())
            except (EOFError, OSError):
                if self._state == _TERMINATE:
                    return
                result._set(i, False, multiprocessing.ProcessError('a pool worker died while running a task'))
                return
            if ok == 'ok':
                result._set(i, True, value)
            else:
                result._set(i, False, _decode_error(value))

    def _check_running(self):
        if self._state != _RUN:
            raise ValueError('Pool not running')

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, 1, callback, error_callback)
        if kwds:
            self._tasks.put((result, 0, _call_with_kwargs, [(func, args, kwds)], True))
        else:
            self._tasks.put((result, 0, func, [tuple(args)], True))
        return result

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def _map_async(self, func, iterable, chunksize, star, callback=None, error_callback=None):
        self._check_running()
        items = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(items), self._processes * 4)
            if extra:
                chunksize += 1
        if chunksize < 1:
            if len(items) == 0:
                chunksize = 1
            else:
                raise ValueError('Chunksize must be 1+, not {0:n}'.format(chunksize))
        chunks = [items[i:i + chunksize] for i in range(0, len(items), chunksize)]
        result = ApplyResult(self, len(chunks), callback, error_callback, single=False)
        for i, c in enumerate(chunks):
            self._tasks.put((result, i, func, c, star))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, False, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, chunksize, True, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, chunksize, False).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, chunksize, True).get()

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        results = [self.apply_async(func, (x,)) for x in iterable]
        return (r.get() for r in results)

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        done = _queue.Queue()
        n = 0
        for x in iterable:
            r = ApplyResult(self, 1)
            r._done = done
            # Watched before it is queued: a handler may finish it at once.
            _watch(r, done)
            self._tasks.put((r, 0, func, [(x,)], True))
            n += 1
        return _unordered(done, n)

    def close(self):
        if self._state == _RUN:
            self._state = _CLOSE
            for h in self._handlers:
                self._tasks.put(None)

    def terminate(self):
        if self._state == _TERMINATE:
            return
        self._state = _TERMINATE
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()
        # The handlers end (a dead worker's pipe reads as EOF, an idle
        # handler takes the None) before their pipes are closed: closing an
        # fd another thread is reading is a race (and the fd may be reused).
        for h in self._handlers:
            self._tasks.put(None)
        for h in self._handlers:
            if h is not threading.current_thread():
                h.join(1.0)
        for c in self._conns:
            c.close()

    def join(self):
        if self._state == _RUN:
            raise ValueError('Pool is still running')
        for h in self._handlers:
            h.join()
        for w in self._pool:
            w.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()

    def __repr__(self):
        state = {_RUN: 'RUN', _CLOSE: 'CLOSE', _TERMINATE: 'TERMINATE'}[self._state]
        return f'<multiprocessing.pool.{type(self).__name__} state={state} pool_size={self._processes}>'


class ThreadPool(Pool):
    """The Pool API on threads of this process (multiprocessing.pool.ThreadPool):
    each handler thread runs its tasks itself. Nothing is pickled; the GIL
    is shared, so it helps IO-bound tasks, not CPU-bound ones."""

    def __init__(self, processes=None, initializer=None, initargs=()):
        self._setup(processes, initializer, None)
        for _ in range(self._processes):
            self._start_handler(self._run_tasks, (initializer, initargs))

    def _run_tasks(self, initializer, initargs):
        if initializer is not None:
            initializer(*initargs)
        while True:
            task = self._tasks.get()
            if task is None:
                return
            result, i, func, chunk, star = task
            try:
                value = [func(*a) if star else func(a) for a in chunk]
            except Exception as e:
                result._set(i, False, e)
            else:
                result._set(i, True, value)

    def terminate(self):
        # Threads cannot be killed: they stop after their current task.
        if self._state == _TERMINATE:
            return
        self._state = _TERMINATE
        for _ in self._handlers:
            self._tasks.put(None)


def _call_with_kwargs(func, args, kwds):
    return func(*args, **kwds)


def _watch(result, done):
    # imap_unordered: the result reports to `done` when ready.
    orig = result._set

    def _set(i, ok, value):
        orig(i, ok, value)
        done.put(result)
    result._set = _set


def _unordered(done, n):
    for _ in range(n):
        yield done.get().get()
