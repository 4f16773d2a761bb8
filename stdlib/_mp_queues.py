"""multiprocessing's queues (multiprocessing.queues): Queue, JoinableQueue
and SimpleQueue, over a one-way Pipe with a lock on each end."""

import os
import pickle
import queue as _queue
import sys
import threading
import time
import _multiprocessing

import _mp_connection
from _mp_connection import Pipe
from _mp_synchronize import _SEM_VALUE_MAX, BoundedSemaphore, Condition, Lock, Semaphore


Empty = _queue.Empty
Full = _queue.Full


class Queue:
    """A FIFO queue between processes: a one-way pipe, a lock per end, and a
    feeder thread that writes what put() buffered (put does not block on a
    full pipe). qsize() counts with a semaphore."""

    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = _SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._items = Semaphore(0)
        self._after_fork_init()

    def _after_fork_init(self):
        self._closed = False
        self._buffer = []
        self._notempty = threading.Condition(threading.Lock())
        self._feeder = None
        self._owner_pid = os.getpid()

    def __reduce__(self):
        if not _mp_connection._spawning:
            raise RuntimeError(f'{type(self).__name__} objects should only be shared between processes '
                               'through inheritance')
        return (_rebuild_queue, (type(self), self._state()))

    def _state(self):
        return (self._maxsize, self._reader, self._writer, self._rlock, self._wlock, self._sem, self._items)

    def _set_state(self, state):
        (self._maxsize, self._reader, self._writer, self._rlock, self._wlock, self._sem, self._items) = state
        self._after_fork_init()

    def _check_fork(self):
        # A forked child has a copy of the parent's buffer and feeder state,
        # but not its feeder thread: start afresh.
        if self._owner_pid != os.getpid():
            self._after_fork_init()

    def put(self, obj, block=True, timeout=None):
        self._check_fork()
        if self._closed:
            raise ValueError(f'Queue {self!r} is closed')
        if not self._sem.acquire(block, timeout):
            raise Full
        data = pickle.dumps(obj)
        with self._notempty:
            self._buffer.append(data)
            if self._feeder is None:
                self._feeder = threading.Thread(target=self._feed, name='QueueFeederThread', daemon=False)
                self._feeder.start()
            self._notempty.notify()

    def put_nowait(self, obj):
        return self.put(obj, False)

    def _feed(self):
        # Writes the buffer to the pipe; ends (and is restarted by the next
        # put) when the buffer is empty, so a finished program does not wait
        # for it and exit joins it while data remain.
        while True:
            with self._notempty:
                if not self._buffer:
                    self._feeder = None
                    return
                data = self._buffer.pop(0)
            try:
                with self._wlock:
                    _multiprocessing.send_bytes(self._writer._wfd, data)
                self._items.release()
            except OSError as e:
                sys.stderr.write(f'multiprocessing.Queue: feeder thread: {e}\n')
                with self._notempty:
                    self._buffer = []
                    self._feeder = None
                return

    def get(self, block=True, timeout=None):
        self._check_fork()
        if self._closed:
            raise ValueError(f'Queue {self!r} is closed')
        if block and timeout is None:
            with self._rlock:
                data = _multiprocessing.recv_bytes(self._reader._rfd)
        else:
            deadline = None if not block else time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                wait = 0.0 if deadline is None else max(deadline - time.monotonic(), 0.0)
                if not _multiprocessing.poll(self._reader._rfd, wait):
                    raise Empty
                data = _multiprocessing.recv_bytes(self._reader._rfd)
            finally:
                self._rlock.release()
        self._items.acquire(False)
        self._sem.release()
        return pickle.loads(data)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not _multiprocessing.poll(self._reader._rfd, 0.0)

    def full(self):
        return self._sem._semlock._get_value() == 0

    def close(self):
        self._check_fork()
        self._closed = True

    def join_thread(self):
        self._check_fork()
        assert self._closed, 'Queue {0!r} not closed'.format(self)
        feeder = self._feeder
        if feeder is not None:
            feeder.join()

    def cancel_join_thread(self):
        pass


def _rebuild_queue(cls, state):
    q = cls.__new__(cls)
    q._set_state(state)
    return q


class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def _state(self):
        return Queue._state(self) + (self._unfinished_tasks, self._cond)

    def _set_state(self, state):
        Queue._set_state(self, state[:-2])
        self._unfinished_tasks, self._cond = state[-2:]

    def put(self, obj, block=True, timeout=None):
        with self._cond:
            Queue.put(self, obj, block, timeout)
            self._unfinished_tasks.release()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks.get_value() == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if self._unfinished_tasks.get_value() != 0:
                self._cond.wait_for(lambda: self._unfinished_tasks.get_value() == 0)


class SimpleQueue:
    """A pipe with a lock on each end; put() writes at once."""

    def __init__(self):
        self._reader, self._writer = Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._rlock:
            data = self._reader.recv_bytes()
        return pickle.loads(data)

    def put(self, obj):
        data = pickle.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def close(self):
        self._reader.close()
        self._writer.close()

    def __reduce__(self):
        if not _mp_connection._spawning:
            raise RuntimeError('SimpleQueue objects should only be shared between processes through inheritance')
        return (_rebuild_simple_queue, (self._reader, self._writer, self._rlock, self._wlock))


def _rebuild_simple_queue(reader, writer, rlock, wlock):
    q = SimpleQueue.__new__(SimpleQueue)
    q._reader, q._writer, q._rlock, q._wlock = reader, writer, rlock, wlock
    return q
