"""ProcessPoolExecutor: calls run in worker processes (multiprocessing).

The workers are multiprocessing Processes of the executor's context (fork
or spawn), started together at the first submit(). Each has a duplex Pipe
and runs multiprocessing.pool's worker loop (stdlib/_mp_pool.py): it
receives a pickled (function, [args]) and sends back ('ok', [result]) or
('err', (type, args, traceback text)). In the parent one handler thread per
worker takes the next call from a queue.Queue, sends it and waits for the
answer, so a worker is given a call when it has finished the previous one.
A worker's exception is re-raised with the remote traceback as __cause__,
as CPython does.

A worker that dies (killed, os._exit, a failed initializer) closes its end
of the pipe: its handler's receive ends with EOFError, and the pool is
broken. The call it was running and every queued call get
BrokenProcessPool, the other workers are terminated, and submit() raises
BrokenProcessPool from then on -- no wait is left hanging.

map() with chunksize > 1 sends chunks of calls to a worker at once.
"""

import os
import pickle
import queue
import sys
import threading

from concurrent.futures import _base

_handler_threads = {}   # handler thread -> its executor's call queue
_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    # At interpreter exit (before the threads are joined): the handlers
    # finish the calls already queued, then stop their workers.
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    _base._stop_workers(_handler_threads)


threading._register_atexit(_python_exit)


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process died; the pool can run no more calls."""


class _RemoteTraceback(Exception):
    """The __cause__ of a worker's exception: the traceback text from the
    worker."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def _forget_parent_pools():
    """In a forked worker: the executors, threads and locks are the
    parent's (the threads did not survive the fork, a lock may have been
    held), so the exit hooks must find nothing to stop."""
    global _global_shutdown_lock
    from concurrent.futures import thread
    _handler_threads.clear()
    _global_shutdown_lock = threading.Lock()
    thread._threads_queues.clear()
    thread._global_shutdown_lock = threading.Lock()


def _process_worker(conn, initializer, initargs):
    import _mp_pool
    _forget_parent_pools()
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            _base._report('Exception in initializer:', exc)
            return   # the parent sees the pipe close: the pool is broken
    _mp_pool._pool_worker(conn, None, ())


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _get_chunks(iterables, chunksize):
    """The argument tuples of zip(*iterables), in tuples of chunksize."""
    chunk = []
    for args in zip(*iterables):
        chunk.append(args)
        if len(chunk) == chunksize:
            yield tuple(chunk)
            chunk = []
    if chunk:
        yield tuple(chunk)


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class ProcessPoolExecutor(_base.Executor):
    """Runs calls in up to max_workers processes."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            if max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            raise ValueError("gilvm: ProcessPoolExecutor(max_tasks_per_child=...) is not supported")
        if mp_context is None:
            import multiprocessing
            mp_context = multiprocessing.get_context()
        self._mp_context = mp_context
        self._max_workers = max_workers
        self._initializer = initializer
        self._initargs = initargs
        self._calls = queue.Queue()
        self._processes = []
        self._conns = []
        self._handlers = []
        self._broken = False
        self._shutdown_thread = False
        self._shutdown_lock = threading.Lock()

    def _start_workers(self):
        from _mp_connection import Pipe
        for i in range(self._max_workers):
            parent_conn, child_conn = Pipe()
            p = self._mp_context.Process(target=_process_worker,
                                         args=(child_conn, self._initializer, self._initargs))
            p.start()
            child_conn.close()
            self._processes.append(p)
            self._conns.append(parent_conn)
        for conn in self._conns:
            h = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            h.start()
            self._handlers.append(h)
            _handler_threads[h] = self._calls

    def _handle(self, conn):
        import _multiprocessing
        import _mp_pool
        while True:
            call = self._calls.get()
            if call is None:
                try:
                    conn.send(None)
                except OSError:
                    pass
                return
            future, fn, args, kwargs = call
            if not future.set_running_or_notify_cancel():
                continue
            try:
                if kwargs:
                    data = pickle.dumps((_mp_pool._call_with_kwargs, [(fn, args, kwargs)], True))
                else:
                    data = pickle.dumps((fn, [args], True))
            except BaseException as exc:
                future.set_exception(exc)
                continue
            try:
                _multiprocessing.send_bytes(conn._wfd, data)
                status, value = pickle.loads(conn.recv_bytes())
            except (EOFError, OSError):
                self._pool_broken(future)
                return
            if status == 'ok':
                future.set_result(value[0])
            else:
                exc = _mp_pool._decode_error(value)
                if isinstance(exc.__cause__, _mp_pool.RemoteTraceback):
                    exc.__cause__ = _RemoteTraceback(exc.__cause__.tb)
                future.set_exception(exc)

    def _pool_broken(self, future):
        """A worker died: fail its call and the queued ones, stop the rest."""
        error = ('A process in the process pool was terminated abruptly '
                 'while the future was running or pending.')
        with self._shutdown_lock:
            first = not self._broken
            self._broken = 'A child process terminated abruptly, the process pool is not usable anymore'
        future.set_exception(BrokenProcessPool(error))
        if not first:
            return
        for call in _base._drain(self._calls):
            if call[0].set_running_or_notify_cancel():
                call[0].set_exception(BrokenProcessPool(error))
        for p in self._processes:
            if p.exitcode is None:
                p.terminate()
        for _ in self._handlers:
            self._calls.put(None)

    def submit(self, fn, /, *args, **kwargs):
        # The module's lock is not held across the fork of the workers (a
        # forked child would inherit it held).
        with self._shutdown_lock:
            with _global_shutdown_lock:
                if _shutdown:
                    raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if not self._processes:
                self._start_workers()
            f = _base.Future()
            self._calls.put((f, fn, args, kwargs))
            return f

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """As Executor.map; chunksize calls go to a worker at once."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        chunks = list(_get_chunks(iterables, chunksize))
        results = super().map(_process_chunk, [fn] * len(chunks), chunks, timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No more calls; cancel_futures cancels those not started; wait
        waits for the running ones and the workers' exit."""
        with self._shutdown_lock:
            if self._shutdown_thread:
                started = False
            else:
                started = True
            self._shutdown_thread = True
            if cancel_futures:
                for call in _base._drain(self._calls):
                    call[0].cancel()
            if started:
                for _ in self._handlers:
                    self._calls.put(None)
        if wait:
            for h in self._handlers:
                h.join()
            for p in self._processes:
                p.join()
