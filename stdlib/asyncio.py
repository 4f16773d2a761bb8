"""Asynchronous I/O: an event loop, tasks and futures, on a native core (_asyncio).

Design (after CPython 3.11's Lib/asyncio, whose names and behaviour this
follows; one module here instead of a package). As in CPython, whose Future
and Task are C types (Modules/_asynciomodule.c), the part every task goes
through is native: the _asyncio module (interpreter/modules/asyncio/)
provides Future, Task, gather's outer future and _LoopCore, the ready queue
and the timers of the loop. This module builds the rest on them.

A coroutine runs only when a Task drives it: a step sends None into the
coroutine (or throws an exception into it); the coroutine runs until the
innermost `await` reaches a Future that is not done, which yields itself all
the way out to the task. The task registers itself as the future's done
callback and returns to the loop. When the future completes, the loop wakes
the task and the coroutine goes on from its `await`.

The loop (_EventLoop, a _LoopCore) has three queues. The ready queue:
callbacks to run now; an iteration runs what it held when the iteration
began, so callbacks scheduled meanwhile run in the next. Its entries are
native (a task to step or wake, a gather's child that is done, a done
callback, or a Handle from call_soon). The timers: TimerHandles from
call_later/call_at, and sleep()'s futures, which are their own timers;
deadlines that come in order -- many sleeps of one length -- cost no heap
operation. And the file descriptors registered with the native _selector
module (epoll). One iteration waits in _selector.wait() until the first
timer is due or a descriptor is ready -- with the GIL released, labelled
"event loop" in gilvm's GIL statistics and timeline -- then pushes the ready
descriptors' Handles, and _run_ready() moves the due timers to the queue and
runs it. Nothing here blocks except that wait.

Cancellation throws CancelledError (a BaseException, as in 3.11) into the
task's coroutine at its await; generator.throw() passes it down to the
innermost awaitable, so every finally block on the way runs.

Streams are sockets in non-blocking mode: a _Connection reads whatever the
kernel has when epoll says readable and feeds its StreamReader; a
StreamWriter sends at once what it can and keeps the rest until the socket
is writable. to_thread() and run_in_executor() run a blocking call on a
concurrent.futures.ThreadPoolExecutor (whose threads release the GIL while
they block); wrap_future() resolves an asyncio future on the loop through
call_soon_threadsafe().
"""

import _asyncio
import _selector
import _thread
import socket as _socket
import sys as _sys
import threading as _threading
import time as _time

__all__ = [
    'run', 'sleep', 'gather', 'create_task', 'ensure_future', 'Task', 'Future', 'wait_for', 'wait',
    'as_completed', 'timeout', 'timeout_at', 'shield', 'to_thread', 'get_running_loop',
    'get_event_loop', 'new_event_loop', 'set_event_loop', 'current_task', 'all_tasks',
    'iscoroutine', 'iscoroutinefunction', 'isfuture',
    'Queue', 'QueueEmpty', 'QueueFull', 'Lock', 'Event', 'Semaphore', 'BoundedSemaphore', 'Condition',
    'CancelledError', 'TimeoutError', 'InvalidStateError', 'IncompleteReadError', 'LimitOverrunError',
    'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
    'open_connection', 'start_server', 'StreamReader', 'StreamWriter', 'wrap_future',
]

# ---------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------


class CancelledError(BaseException):
    """The Task or Future was cancelled."""

    __module__ = 'asyncio.exceptions'   # where CPython defines it: tracebacks name it so


TimeoutError = TimeoutError  # 3.11: asyncio.TimeoutError is the builtin


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""

    __module__ = 'asyncio.exceptions'   # where CPython defines it: tracebacks name it so


class IncompleteReadError(EOFError):
    """readexactly() met the end of the stream first; .partial has what was read."""

    __module__ = 'asyncio.exceptions'   # where CPython defines it: tracebacks name it so

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of {r_expected} expected bytes')
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    """A line longer than the stream's limit."""

    __module__ = 'asyncio.exceptions'   # where CPython defines it: tracebacks name it so

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class QueueEmpty(Exception):
    """Raised by Queue.get_nowait() on an empty queue."""


class QueueFull(Exception):
    """Raised by Queue.put_nowait() on a full queue."""


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'

_EVENT_READ = _selector.EVENT_READ
_EVENT_WRITE = _selector.EVENT_WRITE


def _write_stderr(text):
    err = _sys.stderr
    if err is not None:
        err.write(text)
        err.flush()


def _format_exception(exc):
    return _thread._format_exception(exc)


# ---------------------------------------------------------------------------
# The running loop
# ---------------------------------------------------------------------------

# A loop belongs to the thread that runs it: each thread may run its own
# asyncio.run(). Both tables are keyed by thread ident.
_get_ident = _thread.get_ident
_running_loops = {}    # the loop running on each thread
_event_loops = {}      # set_event_loop()'s, per thread


def get_running_loop():
    loop = _running_loops.get(_get_ident())
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def _get_event_loop():
    ident = _get_ident()
    loop = _running_loops.get(ident)
    if loop is not None:
        return loop
    loop = _event_loops.get(ident)
    if loop is None:
        loop = _event_loops[ident] = new_event_loop()
    return loop


def get_event_loop():
    return _get_event_loop()


# What the native core raises and how it finds the loop when none is given.
_asyncio._setup(CancelledError, InvalidStateError, _get_event_loop)


def set_event_loop(loop):
    if loop is None:
        _event_loops.pop(_get_ident(), None)
    else:
        _event_loops[_get_ident()] = loop


def new_event_loop():
    return _EventLoop()


async def _probe():
    pass


_probe_coro = _probe()
_CoroutineType = type(_probe_coro)
_probe_coro.close()   # closed, never started: no never-awaited warning
del _probe_coro


def _probe_gen():
    yield


_GeneratorType = type(_probe_gen())


def iscoroutine(obj):
    # 3.11 still counts generators (the old generator-based coroutines).
    return type(obj) is _CoroutineType or type(obj) is _GeneratorType


def iscoroutinefunction(func):
    code = getattr(func, '__code__', None)
    return code is not None and bool(getattr(code, 'co_flags', 0) & 0x80)


def isfuture(obj):
    return hasattr(type(obj), '_asyncio_future_blocking') and obj._asyncio_future_blocking is not None


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in loop._live_tasks() if not t.done()}


# ---------------------------------------------------------------------------
# Handles: a callback with its arguments, scheduled now or at a time
# ---------------------------------------------------------------------------


class Handle:
    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        self._cancelled = True
        self._callback = None
        self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': f'Exception in callback {self._callback!r}',
                'exception': exc,
            })


class TimerHandle(Handle):
    def __init__(self, when, callback, args, loop):
        Handle.__init__(self, callback, args, loop)
        self._when = when

    def when(self):
        return self._when


# ---------------------------------------------------------------------------
# The event loop
# ---------------------------------------------------------------------------


class _EventLoop(_asyncio._LoopCore):
    # The ready queue, the timers, the current task, the tasks not done and
    # the unretrieved exceptions are the native _LoopCore's.
    def __init__(self):
        self._epfd = _selector.epoll()
        self._readers = {}      # fd -> Handle
        self._writers = {}      # fd -> Handle
        self._masks = {}        # fd -> registered event mask
        self._stopping = False
        self._running = False
        self._closed = False
        self._executor = None
        self._ts_lock = _thread.allocate_lock()
        self._ts_pending = []   # call_soon_threadsafe's callbacks, under _ts_lock
        self._wake_r, self._wake_w = _socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self.add_reader(self._wake_r.fileno(), self._read_wakeup)

    def __repr__(self):
        return f'<_EventLoop running={self._running} closed={self._closed}>'

    # -- time and scheduling --

    def time(self):
        return _time.monotonic()

    def call_soon(self, callback, *args, context=None):
        h = Handle(callback, args, self)
        self._push_handle(h)
        return h

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(_time.monotonic() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        h = TimerHandle(when, callback, args, self)
        self._add_timer(h)
        return h

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        with self._ts_lock:
            self._ts_pending.append(Handle(callback, args, self))
        try:
            self._wake_w.send(b'\0')
        except OSError:
            pass   # the pipe is full: the loop is waking anyway

    def _read_wakeup(self):
        try:
            while self._wake_r.recv(4096):
                pass
        except OSError:
            pass
        with self._ts_lock:
            pending = self._ts_pending
            self._ts_pending = []
        for h in pending:
            self._push_handle(h)

    # -- futures and tasks (create_future is _LoopCore's) --

    def create_task(self, coro, *, name=None, context=None):
        return Task(coro, loop=self, name=name)

    # -- running --

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def stop(self):
        self._stopping = True

    def run_forever(self):
        ident = _get_ident()
        if self._running:
            raise RuntimeError('This event loop is already running')
        if ident in _running_loops:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        self._running = True
        _running_loops[ident] = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            del _running_loops[ident]

    def run_until_complete(self, future):
        self._check_closed()
        future = ensure_future(future, loop=self)
        future.add_done_callback(_stop_loop)
        try:
            self.run_forever()
        finally:
            future.remove_done_callback(_stop_loop)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def _run_once(self):
        events = _selector.wait(self._epfd, self._timeout(self._stopping))
        for fd, mask in events:
            if mask & _EVENT_READ:
                h = self._readers.get(fd)
                if h is not None:
                    self._push_handle(h)
            if mask & _EVENT_WRITE:
                h = self._writers.get(fd)
                if h is not None:
                    self._push_handle(h)
        self._run_ready()   # the timers due, then what is ready (_LoopCore)

    def close(self):
        if self._running:
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._report_unretrieved()
        self._closed = True
        self._clear()
        self.remove_reader(self._wake_r.fileno())
        self._wake_r.close()
        self._wake_w.close()
        _selector.close(self._epfd)
        if self._executor is not None:
            self._executor.shutdown(wait=False)
            self._executor = None

    # -- file descriptors --

    def _update(self, fd, mask):
        old = self._masks.get(fd, 0)
        if mask == old:
            return
        if old == 0:
            _selector.register(self._epfd, fd, mask)
        elif mask == 0:
            _selector.unregister(self._epfd, fd)
        else:
            _selector.modify(self._epfd, fd, mask)
        if mask:
            self._masks[fd] = mask
        else:
            del self._masks[fd]

    def _add_handler(self, table, event, fd, callback, args):
        table[fd] = Handle(callback, args, self)
        self._update(fd, self._masks.get(fd, 0) | event)

    def _remove_handler(self, table, event, fd):
        if table.pop(fd, None) is None:
            return False
        self._update(fd, self._masks.get(fd, 0) & ~event)
        return True

    def add_reader(self, fd, callback, *args):
        self._add_handler(self._readers, _EVENT_READ, fd, callback, args)

    def remove_reader(self, fd):
        return self._remove_handler(self._readers, _EVENT_READ, fd)

    def add_writer(self, fd, callback, *args):
        self._add_handler(self._writers, _EVENT_WRITE, fd, callback, args)

    def remove_writer(self, fd):
        return self._remove_handler(self._writers, _EVENT_WRITE, fd)

    # -- sockets --

    async def sock_recv(self, sock, n):
        while True:
            try:
                return sock.recv(n)
            except (BlockingIOError, InterruptedError):
                pass
            await self._wait_fd(sock.fileno(), _EVENT_READ)

    async def sock_sendall(self, sock, data):
        view = bytes(data)
        while view:
            try:
                sent = sock.send(view)
                view = view[sent:]
                continue
            except (BlockingIOError, InterruptedError):
                pass
            await self._wait_fd(sock.fileno(), _EVENT_WRITE)

    async def sock_accept(self, sock):
        while True:
            try:
                conn, address = sock.accept()
                conn.setblocking(False)
                return conn, address
            except (BlockingIOError, InterruptedError):
                pass
            await self._wait_fd(sock.fileno(), _EVENT_READ)

    async def sock_connect(self, sock, address):
        err = sock.connect_ex(address)
        if err in (115, 11, 4):   # EINPROGRESS, EAGAIN, EINTR
            await self._wait_fd(sock.fileno(), _EVENT_WRITE)
            err = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_ERROR)
        if err:
            exc = {111: ConnectionRefusedError, 104: ConnectionResetError}.get(err, OSError)
            raise exc(err, f'Connect call failed {address}')

    def _wait_fd(self, fd, event):
        fut = self.create_future()
        if event == _EVENT_READ:
            self.add_reader(fd, _resolve_fd_wait, fut)
            fut.add_done_callback(lambda f: self.remove_reader(fd))
        else:
            self.add_writer(fd, _resolve_fd_wait, fut)
            fut.add_done_callback(lambda f: self.remove_writer(fd))
        return fut

    # -- threads --

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = _default_executor(self)
        return wrap_future(executor.submit(func, *args), loop=self)

    async def shutdown_default_executor(self):
        if self._executor is not None:
            executor = self._executor
            self._executor = None
            # In a thread of its own, as CPython does: the executor's
            # threads may be busy, and the loop goes on meanwhile.
            future = self.create_future()

            def shut():
                executor.shutdown(wait=True)
                if not self.is_closed():
                    self.call_soon_threadsafe(_set_result_unless_cancelled, future, None)

            thread = _threading.Thread(target=shut)
            thread.start()
            try:
                await future
            finally:
                thread.join()

    # -- errors --

    def call_exception_handler(self, context):
        message = context.get('message', 'Unhandled exception in event loop')
        exc = context.get('exception')
        text = message + '\n'
        for key in ('future', 'task', 'handle'):
            if key in context:
                text += f'{key}: {context[key]!r}\n'
        if exc is not None:
            text += _format_exception(exc)
        _write_stderr(text)

    def _report_unretrieved(self):
        tasks = self._unretrieved
        self._unretrieved = []
        for t in tasks:
            if t._log_traceback:
                t._log_traceback = False
                self.call_exception_handler({
                    'message': 'Task exception was never retrieved',
                    'exception': t._exception,
                    'future': t,
                })


def _stop_loop(fut):
    fut._loop.stop()


def _resolve_fd_wait(fut):
    if not fut.done():
        fut.set_result(None)


# ---------------------------------------------------------------------------
# Future and Task
# ---------------------------------------------------------------------------


# Future and Task are native (_asyncio: interpreter/modules/asyncio/), as
# CPython's are C types; asyncio.Future is _asyncio.Future there too.
Future = _asyncio.Future
Task = _asyncio.Task


def create_task(coro, *, name=None, context=None):
    # As 3.11: the task is made unnamed (so it takes a Task-n number) and
    # then renamed.
    task = get_running_loop().create_task(coro)
    if name is not None:
        task.set_name(name)
    return task


def ensure_future(coro_or_future, *, loop=None):
    if iscoroutine(coro_or_future):
        return Task(coro_or_future, loop=loop)
    if isfuture(coro_or_future):
        return coro_or_future
    if loop is None:
        loop = _get_event_loop()
    if hasattr(coro_or_future, '__await__'):
        return loop.create_task(_wrap_awaitable(coro_or_future))
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


async def _wrap_awaitable(awaitable):
    return await awaitable


# ---------------------------------------------------------------------------
# Sleeping, waiting, gathering
# ---------------------------------------------------------------------------


class _Yield:
    """sleep(0): one bare yield, so the task lets the others run once."""

    def __await__(self):
        yield


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


async def sleep(delay, result=None):
    if delay <= 0:
        await _Yield()
        return result
    loop = _running_loops.get(_get_ident())
    if loop is None:
        raise RuntimeError('no running event loop')
    # A future that is its own timer (_LoopCore._sleep); cancelling the task
    # cancels it, and the loop then drops the timer unrun.
    return await loop._sleep(delay, result)


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = _get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    # The outer future and the children's callbacks are native (_asyncio).
    return _asyncio._gather(coros_or_futures, return_exceptions, ensure_future)


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner._loop
    outer = loop.create_future()

    def _inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done)

    inner.add_done_callback(_inner_done)
    outer.add_done_callback(_outer_done)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = list(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = get_running_loop()
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = [len(fs)]

    def _on_completion(f):
        counter[0] -= 1
        if (counter[0] <= 0 or return_when == FIRST_COMPLETED or
                (return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    done = Queue()
    loop = _get_event_loop()
    todo = []
    for f in fs:
        fut = ensure_future(f, loop=loop)
        if fut not in todo:
            todo.append(fut)
    timeout_handle = [None]

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle[0] is not None:
            timeout_handle[0].cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle[0] = loop.call_later(timeout, _on_timeout)
    return (_wait_for_one() for _ in range(len(todo)))


class Timeout:
    """asyncio.timeout(): an async context manager that cancels the task
    when the deadline passes and turns that cancellation into TimeoutError."""

    def __init__(self, when):
        self._when = when
        self._state = 'created'
        self._handle = None
        self._task = None

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != 'entered':
            raise RuntimeError(f'Cannot change state of {self._state} Timeout')
        self._when = when
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None if when is None else self._task._loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    def __repr__(self):
        return f'<Timeout [{self._state}] when={self._when}>'

    async def __aenter__(self):
        self._state = 'entered'
        self._task = current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError
        elif self._state == 'entered':
            self._state = 'exited'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._handle = None


def timeout(delay):
    return Timeout(None if delay is None else get_running_loop().time() + delay)


def timeout_at(when):
    return Timeout(when)


# ---------------------------------------------------------------------------
# Threads: to_thread and run_in_executor
# ---------------------------------------------------------------------------


def _default_executor(loop):
    """The loop's own ThreadPoolExecutor (threads asyncio_0, asyncio_1, ...),
    made at its first use, as CPython's loop makes it."""
    if loop._executor is None:
        from concurrent.futures import ThreadPoolExecutor
        loop._executor = ThreadPoolExecutor(thread_name_prefix='asyncio')
    return loop._executor


def wrap_future(future, *, loop=None):
    """An asyncio Future that follows a concurrent.futures.Future: it gets
    its result (on the loop's thread, by call_soon_threadsafe), and
    cancelling it cancels the concurrent one."""
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()

    def copy_state(source):
        if new_future.cancelled():
            return
        if source.cancelled():
            new_future.cancel()
            return
        exc = source.exception()
        if exc is not None:
            new_future.set_exception(exc)
        else:
            new_future.set_result(source.result())

    def on_done(source):
        if not loop.is_closed():
            loop.call_soon_threadsafe(copy_state, source)

    def on_cancel(dest):
        if dest.cancelled():
            future.cancel()

    new_future.add_done_callback(on_cancel)
    future.add_done_callback(on_done)
    return new_future


def _set_exception_unless_cancelled(fut, exc):
    if not fut.cancelled():
        fut.set_exception(exc)


async def to_thread(func, *args, **kwargs):
    """Runs func(*args, **kwargs) on the loop's default executor and waits
    for it."""
    loop = get_running_loop()
    return await loop.run_in_executor(None, lambda: func(*args, **kwargs))


# ---------------------------------------------------------------------------
# asyncio.run
# ---------------------------------------------------------------------------


def run(main, *, debug=None):
    """Runs the coroutine `main` on a new event loop and returns its result.

    Ctrl-C cancels the main task (its finally blocks run) and then raises
    KeyboardInterrupt, as 3.11's asyncio.Runner does."""
    if _get_ident() in _running_loops:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError(f'a coroutine was expected, got {main!r}')
    loop = new_event_loop()
    set_event_loop(loop)
    try:
        task = loop.create_task(main)
        interrupted = False
        try:
            return loop.run_until_complete(task)
        except KeyboardInterrupt:
            if task.done():
                raise
            interrupted = True
        if interrupted:
            task.cancel()
            try:
                loop.run_until_complete(task)
            except CancelledError:
                raise KeyboardInterrupt()
    finally:
        try:
            _cancel_all_tasks(loop)
            loop._report_unretrieved()
            # The default executor's threads end before run() returns.
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            set_event_loop(None)
            loop.close()


def _cancel_all_tasks(loop):
    to_cancel = [t for t in loop._live_tasks() if not t.done()]
    if not to_cancel:
        return
    for t in to_cancel:
        t.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for t in to_cancel:
        if t.cancelled():
            continue
        if t.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': t.exception(),
                'task': t,
            })


# ---------------------------------------------------------------------------
# Synchronisation: Lock, Event, Condition, Semaphore
# ---------------------------------------------------------------------------


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):
    def __init__(self):
        self._waiters = []
        self._locked = False

    def __repr__(self):
        extra = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.Lock object [{extra}]>'

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and all(w.cancelled() for w in self._waiters):
            self._locked = True
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)
                return


class Event:
    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        extra = 'set' if self._value else 'unset'
        return f'<asyncio.locks.Event object [{extra}]>'

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin):
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._value = value
        self._waiters = []

    def __repr__(self):
        extra = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            extra = f'{extra}, waiters:{len(self._waiters)}'
        return f'<asyncio.locks.{type(self).__name__} object [{extra}]>'

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in self._waiters)

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


# ---------------------------------------------------------------------------
# Queue
# ---------------------------------------------------------------------------


class Queue:
    """A FIFO queue for tasks; maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._queue = []
        self._head = 0          # items before _head are taken (compacted as it grows)
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()

    def __repr__(self):
        return f'<{type(self).__name__} maxsize={self._maxsize!r} qsize={self.qsize()}>'

    @property
    def maxsize(self):
        return self._maxsize

    def qsize(self):
        return len(self._queue) - self._head

    def empty(self):
        return self.qsize() == 0

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    async def _wait_while(self, waiters, blocked):
        """Waits (in line with the other waiters) until blocked() is false."""
        while blocked():
            waiter = get_running_loop().create_future()
            waiters.append(waiter)
            try:
                await waiter
            except BaseException:
                waiter.cancel()
                if waiter in waiters:
                    waiters.remove(waiter)
                if not blocked() and not waiter.cancelled():
                    self._wakeup_next(waiters)
                raise

    async def put(self, item):
        await self._wait_while(self._putters, self.full)
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._queue.append(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        await self._wait_while(self._getters, self.empty)
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._queue[self._head]
        self._queue[self._head] = None
        self._head += 1
        if self._head > 64 and self._head * 2 > len(self._queue):
            del self._queue[:self._head]
            self._head = 0
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


# ---------------------------------------------------------------------------
# Streams over TCP
# ---------------------------------------------------------------------------

_DEFAULT_LIMIT = 2 ** 16


class _Connection:
    """One non-blocking socket on the loop: reads into a StreamReader while
    it is not paused, writes what StreamWriter could not send at once."""

    def __init__(self, loop, sock, reader):
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._reader = reader
        self._out = b''
        self._closing = False
        self._closed = loop.create_future()
        self._drain_waiter = None
        self._error = None
        reader._conn = self
        loop.add_reader(self._fd, self._on_readable)

    def _on_readable(self):
        try:
            data = self._sock.recv(_DEFAULT_LIMIT)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._loop.remove_reader(self._fd)
            self._error = exc
            self._reader.set_exception(exc)
            return
        if data:
            self._reader.feed_data(data)
        else:
            self._loop.remove_reader(self._fd)
            self._reader.feed_eof()

    def write(self, data):
        if self._closing:
            return
        if self._error is not None:
            return
        if not self._out:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except OSError as exc:
                self._fail(exc)
                return
            data = data[n:]
            if not data:
                return
            self._loop.add_writer(self._fd, self._on_writable)
        self._out += data

    def _on_writable(self):
        try:
            n = self._sock.send(self._out)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._fail(exc)
            return
        self._out = self._out[n:]
        if not self._out:
            self._loop.remove_writer(self._fd)
            self._wake_drain()
            if self._closing:
                self._finish_close()

    def _fail(self, exc):
        self._error = exc
        self._out = b''
        self._loop.remove_writer(self._fd)
        self._wake_drain()

    def _wake_drain(self):
        w = self._drain_waiter
        if w is not None and not w.done():
            self._drain_waiter = None
            w.set_result(None)

    async def drain(self):
        if self._error is not None:
            raise self._error
        if len(self._out) <= _DEFAULT_LIMIT:
            await _Yield()
            return
        self._drain_waiter = self._loop.create_future()
        await self._drain_waiter
        if self._error is not None:
            raise self._error

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._out:
            self._finish_close()

    def _finish_close(self):
        self._loop.remove_reader(self._fd)
        self._loop.remove_writer(self._fd)
        self._sock.close()
        if not self._reader._eof:
            self._reader.feed_eof()   # a read waiting on this connection ends (as connection_lost does)
        if not self._closed.done():
            self._closed.set_result(None)


class StreamReader:
    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        self._limit = limit
        self._loop = loop if loop is not None else _get_event_loop()
        self._buffer = b''
        self._eof = False
        self._waiter = None
        self._exception = None
        self._conn = None

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        return '<' + ' '.join(info) + '>'

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        self._wake()

    def _wake(self):
        w = self._waiter
        if w is not None:
            self._waiter = None
            if not w.done():
                w.set_result(None)

    def feed_data(self, data):
        self._buffer += data
        self._wake()

    def feed_eof(self):
        self._eof = True
        self._wake()

    def at_eof(self):
        return self._eof and not self._buffer

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(f'{func_name}() called while another coroutine is already waiting for incoming data')
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            while not self._eof:
                await self._wait_for_data('read')
                if self._exception is not None:
                    raise self._exception
            data = self._buffer
            self._buffer = b''
            return data
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
            if self._exception is not None:
                raise self._exception
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return data

    async def readline(self):
        try:
            return await self.readuntil(b'\n')
        except IncompleteReadError as e:
            return e.partial

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            isep = self._buffer.find(separator, offset)
            if isep >= 0:
                break
            offset = max(0, len(self._buffer) + 1 - seplen)
            if offset > self._limit:
                raise LimitOverrunError('Separator is not found, and chunk exceed the limit', offset)
            if self._eof:
                chunk = self._buffer
                self._buffer = b''
                raise IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
            if self._exception is not None:
                raise self._exception
        end = isep + seplen
        chunk = self._buffer[:end]
        self._buffer = self._buffer[end:]
        return chunk

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        while len(self._buffer) < n:
            if self._eof:
                incomplete = self._buffer
                self._buffer = b''
                raise IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
            if self._exception is not None:
                raise self._exception
        data = self._buffer[:n]
        self._buffer = self._buffer[n:]
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class StreamWriter:
    def __init__(self, conn, reader, loop):
        self._conn = conn
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        return f'<StreamWriter fd={self._conn._fd}>'

    @property
    def transport(self):
        return self._conn

    def write(self, data):
        self._conn.write(bytes(data))

    def writelines(self, data):
        for line in data:
            self.write(line)

    def can_write_eof(self):
        return True

    def write_eof(self):
        self._conn._sock.shutdown(_socket.SHUT_WR)

    def is_closing(self):
        return self._conn._closing

    def close(self):
        self._conn.close()

    async def wait_closed(self):
        await self._conn._closed

    async def drain(self):
        if self._reader is not None and self._reader._exception is not None:
            raise self._reader._exception
        await self._conn.drain()

    def get_extra_info(self, name, default=None):
        sock = self._conn._sock
        try:
            if name == 'peername':
                return sock.getpeername()
            if name == 'sockname':
                return sock.getsockname()
            if name == 'socket':
                return sock
        except OSError:
            return default
        return default


def _make_streams(loop, sock, limit):
    reader = StreamReader(limit=limit, loop=loop)
    conn = _Connection(loop, sock, reader)
    return reader, StreamWriter(conn, reader, loop)


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    loop = get_running_loop()
    sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    try:
        sock.setblocking(False)
        await loop.sock_connect(sock, ('127.0.0.1' if host in (None, 'localhost') else host, port))
    except BaseException:
        sock.close()
        raise
    return _make_streams(loop, sock, limit)


class Server:
    def __init__(self, loop, sockets, client_connected_cb, limit):
        self._loop = loop
        self.sockets = sockets
        self._cb = client_connected_cb
        self._limit = limit
        self._serving = False
        self._closed = loop.create_future()
        self._handlers = set()

    def __repr__(self):
        return f'<Server sockets={self.sockets!r}>'

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    def _start(self):
        self._serving = True
        for s in self.sockets:
            self._loop.add_reader(s.fileno(), self._accept, s)

    def _accept(self, listener):
        for _ in range(100):   # CPython accepts up to backlog connections per wakeup
            try:
                conn, addr = listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                self._loop.call_exception_handler({'message': 'socket.accept() out of system resource',
                                                   'exception': exc})
                return
            conn.setblocking(False)
            reader, writer = _make_streams(self._loop, conn, self._limit)
            res = self._cb(reader, writer)
            if iscoroutine(res):
                task = self._loop.create_task(res)
                self._handlers.add(task)
                task.add_done_callback(self._handlers.discard)

    def close(self):
        if not self._serving and not self.sockets:
            return
        self._serving = False
        for s in self.sockets:
            self._loop.remove_reader(s.fileno())
            s.close()
        self.sockets = []
        if not self._closed.done():
            self._closed.set_result(None)

    async def start_serving(self):
        if not self._serving:
            self._start()

    async def wait_closed(self):
        if self.sockets:
            await self._closed

    async def serve_forever(self):
        if not self._serving:
            self._start()
        try:
            await self._closed
        finally:
            self.close()

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def start_server(client_connected_cb, host=None, port=None, *, limit=_DEFAULT_LIMIT,
                       backlog=100, reuse_address=True, start_serving=True, **kwds):
    loop = get_running_loop()
    sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    try:
        if reuse_address:
            sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_REUSEADDR, 1)
        sock.bind(('127.0.0.1' if host in (None, 'localhost') else host, port or 0))
        sock.listen(backlog)
        sock.setblocking(False)
    except BaseException:
        sock.close()
        raise
    server = Server(loop, [sock], client_connected_cb, limit)
    if start_serving:
        server._start()
    return server
