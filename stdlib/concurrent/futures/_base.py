"""concurrent.futures' core: Future, wait(), as_completed(), Executor.

A Future's state moves PENDING -> RUNNING -> FINISHED, or PENDING ->
CANCELLED -> CANCELLED_AND_NOTIFIED (the executor saw the cancel when it
came to run the call). Its fields are guarded by one threading.Condition:
result() and exception() wait on it, and whatever finishes the future
notifies it.

wait() and as_completed() wait on many futures at once: each installs one
waiter object in every future's _waiters list; a future that finishes or is
cancelled-and-notified tells each of its waiters (add_result /
add_exception / add_cancelled), and the waiter sets its threading.Event when
what its caller waits for has happened (the first future, the first
exception, or all of them). The futures' conditions are taken together, in
the order of id(), while a waiter is installed, so no future finishes
unseen in between.

The language subset here has no namedtuple (no collections, and a class may
not derive from tuple), so DoneAndNotDoneFutures is a small class that
unpacks, indexes and prints as the namedtuple does; isinstance(r, tuple) is
False, unlike CPython.
"""

import sys
import threading
import time

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_DONE_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


# Since 3.11 the builtin one (concurrent.futures.TimeoutError is TimeoutError).
TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """An executor that can no longer run calls (a worker failed)."""


def _report(message, exc):
    """What CPython's LOGGER.exception/critical(message, exc_info=True)
    prints: through logging when the program has it configured, else as
    logging's lastResort would (the message, then the traceback, on
    stderr)."""
    logging = sys.modules.get('logging')
    if logging is not None:
        logging.getLogger('concurrent.futures').critical(message, exc_info=(type(exc), exc, exc.__traceback__))
        return
    import traceback
    sys.stderr.write(message + '\n' + ''.join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def _drain(q):
    """Takes every queued item off q (a queue.Queue or SimpleQueue) at once,
    the None stop markers left out."""
    import queue
    items = []
    while True:
        try:
            item = q.get_nowait()
        except queue.Empty:
            return items
        if item is not None:
            items.append(item)


def _stop_workers(threads_queues):
    """At interpreter exit: a None on each worker's queue (it finishes the
    calls queued before it, then stops), then waits for the workers."""
    items = list(threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


# ---------------------------------------------------------------------------
# Waiters: what wait() and as_completed() install in futures
# ---------------------------------------------------------------------------

class _Waiter:
    def __init__(self):
        self.event = threading.Event()
        self.finished_futures = []

    def add_result(self, future):
        self.finished_futures.append(future)

    def add_exception(self, future):
        self.finished_futures.append(future)

    def add_cancelled(self, future):
        self.finished_futures.append(future)


class _AsCompletedWaiter(_Waiter):
    """Wakes its caller at every future that finishes."""

    def __init__(self):
        super().__init__()
        self.lock = threading.Lock()

    def add_result(self, future):
        with self.lock:
            super().add_result(future)
            self.event.set()

    def add_exception(self, future):
        with self.lock:
            super().add_exception(future)
            self.event.set()

    def add_cancelled(self, future):
        with self.lock:
            super().add_cancelled(future)
            self.event.set()


class _FirstCompletedWaiter(_Waiter):
    def add_result(self, future):
        super().add_result(future)
        self.event.set()

    def add_exception(self, future):
        super().add_exception(future)
        self.event.set()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self.event.set()


class _AllCompletedWaiter(_Waiter):
    """Wakes its caller when all `pending` futures are done, or (with
    stop_on_exception) at the first that raised."""

    def __init__(self, pending, stop_on_exception):
        super().__init__()
        self.pending = pending
        self.stop_on_exception = stop_on_exception
        self.lock = threading.Lock()

    def _one_done(self):
        with self.lock:
            self.pending -= 1
            if not self.pending:
                self.event.set()

    def add_result(self, future):
        super().add_result(future)
        self._one_done()

    def add_exception(self, future):
        super().add_exception(future)
        if self.stop_on_exception:
            self.event.set()
        else:
            self._one_done()

    def add_cancelled(self, future):
        super().add_cancelled(future)
        self._one_done()


class _AcquireFutures:
    """Holds the conditions of many futures, taken in a fixed order."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for f in self.futures:
            f._condition.acquire()

    def __exit__(self, *args):
        for f in self.futures:
            f._condition.release()


def _create_and_install_waiters(fs, return_when):
    if return_when == _AS_COMPLETED:
        waiter = _AsCompletedWaiter()
    elif return_when == FIRST_COMPLETED:
        waiter = _FirstCompletedWaiter()
    else:
        pending = sum(1 for f in fs if f._state not in _DONE_STATES)
        if return_when == FIRST_EXCEPTION:
            waiter = _AllCompletedWaiter(pending, stop_on_exception=True)
        elif return_when == ALL_COMPLETED:
            waiter = _AllCompletedWaiter(pending, stop_on_exception=False)
        else:
            raise ValueError(f"Invalid return condition: {return_when!r}")
    for f in fs:
        f._waiters.append(waiter)
    return waiter


def _yield_finished_futures(fs, waiter, pending):
    """Yields the futures of list fs, last first, each taken off the
    waiters it no longer needs."""
    while fs:
        f = fs[-1]
        pending.discard(f)
        with f._condition:
            f._waiters.remove(waiter)
        yield fs.pop()


def as_completed(fs, timeout=None):
    """An iterator over the futures fs as they complete (finished or
    cancelled); those already done come first. TimeoutError when `timeout`
    seconds pass before all are done."""
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total_futures = len(fs)
    with _AcquireFutures(fs):
        finished = set(f for f in fs if f._state in _DONE_STATES)
        pending = fs - finished
        waiter = _create_and_install_waiters(fs, _AS_COMPLETED)
    finished = list(finished)
    try:
        yield from _yield_finished_futures(finished, waiter, pending)
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError(f'{len(pending)} (of {total_futures}) futures unfinished')
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            # The oldest first, as CPython yields them.
            finished.reverse()
            yield from _yield_finished_futures(finished, waiter, pending)
    finally:
        for f in fs:
            with f._condition:
                if waiter in f._waiters:
                    f._waiters.remove(waiter)


class DoneAndNotDoneFutures:
    """wait()'s result: the pair (done, not_done) of sets of futures."""

    _fields = ('done', 'not_done')

    def __init__(self, done, not_done):
        self.done = done
        self.not_done = not_done

    def __iter__(self):
        return iter((self.done, self.not_done))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.done, self.not_done)[i]

    def __eq__(self, other):
        if isinstance(other, DoneAndNotDoneFutures):
            other = (other.done, other.not_done)
        return (self.done, self.not_done) == other

    def __repr__(self):
        return f'DoneAndNotDoneFutures(done={self.done!r}, not_done={self.not_done!r})'


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures fs: until the first completes, the first raises
    (or all complete), or all complete; returns (done, not_done)."""
    fs = set(fs)
    with _AcquireFutures(fs):
        done = set(f for f in fs if f._state in _DONE_STATES)
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_EXCEPTION and done:
            if any(f for f in done if not f.cancelled() and f.exception() is not None):
                return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _create_and_install_waiters(fs, return_when)
    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)
    done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        # No reference cycle through the frame that raised.
        del fut


# ---------------------------------------------------------------------------
# Future
# ---------------------------------------------------------------------------

class Future:
    """The result of a call that runs asynchronously."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                _report(f'exception calling callback for {self!r}', exc)

    def __repr__(self):
        with self._condition:
            where = f'<{type(self).__name__} at {hex(id(self))} state={_STATE_TO_DESCRIPTION_MAP[self._state]}'
            if self._state == FINISHED:
                if self._exception:
                    return f'{where} raised {type(self._exception).__name__}>'
                return f'{where} returned {type(self._result).__name__}>'
            return where + '>'

    def cancel(self):
        """Cancels the call if it has not started; True if it is cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def __get_result(self):
        if self._exception:
            try:
                raise self._exception
            finally:
                # No reference cycle through the frame that raised.
                self = None
        return self._result

    def add_done_callback(self, fn):
        """Calls fn(future) when the future is done (at once if it is)."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as exc:
            _report(f'exception calling callback for {self!r}', exc)

    def result(self, timeout=None):
        """The call's return value, waiting up to `timeout` seconds for it;
        re-raises the call's exception; CancelledError if cancelled."""
        try:
            with self._condition:
                if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                    raise CancelledError()
                if self._state == FINISHED:
                    return self.__get_result()
                self._condition.wait(timeout)
                if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                    raise CancelledError()
                if self._state == FINISHED:
                    return self.__get_result()
                raise TimeoutError()
        finally:
            self = None

    def exception(self, timeout=None):
        """The call's exception (None if it returned), waiting as result()."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            self._condition.wait(timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state == FINISHED:
                return self._exception
            raise TimeoutError()

    # -- for executors and tests --

    def set_running_or_notify_cancel(self):
        """Called by an executor before it runs the call: False (and the
        waiters told) if the future was cancelled, else it is now RUNNING."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError(f'{self._state}: {self!r}')
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError(f'{self._state}: {self!r}')
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()


# ---------------------------------------------------------------------------
# Executor
# ---------------------------------------------------------------------------

class Executor:
    """The base of ThreadPoolExecutor and ProcessPoolExecutor."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls running concurrently: every
        call is submitted now; the results come in order. TimeoutError if a
        result is not there `timeout` seconds after this call."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(), end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
