"""Synchronized queues, written in the language on threading.

Design (after CPython's Lib/queue.py, which this follows name for name):
one mutex (a plain Lock) and three Conditions sharing it — not_empty
(get() waits on it), not_full (put() waits on it) and all_tasks_done
(join() waits on it). Subclasses only change the container through
_init/_qsize/_put/_get: Queue is FIFO (a list: pop(0) is one memmove),
LifoQueue a stack, PriorityQueue
a binary heap (written here: gilvm has no heapq). Every wait ends in a lock
acquire that releases the GIL. SimpleQueue is CPython's unbounded FIFO
without task tracking, here a list and one Condition.
"""

import threading
import time as _timemod

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']

_time = _timemod.monotonic


class Empty(Exception):
    """Raised by get(block=False) / get_nowait() on an empty queue, or on timeout."""
    pass


class Full(Exception):
    """Raised by put(block=False) / put_nowait() on a full queue, or on timeout."""
    pass


class Queue:
    """A FIFO queue; maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - _time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = _time() + timeout
                while not self._qsize():
                    remaining = endtime - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The container: a list (CPython's is a deque; pop(0) is one memmove).
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)


class LifoQueue(Queue):
    """A LIFO queue (a stack): Queue's list, taken from the other end."""

    def _get(self):
        return self.queue.pop()


def _heappush(heap, item):
    heap.append(item)
    pos = len(heap) - 1
    while pos > 0:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    n = len(heap)
    pos = 0
    while True:
        child = 2 * pos + 1
        if child >= n:
            break
        right = child + 1
        if right < n and heap[right] < heap[child]:
            child = right
        if heap[child] < last:
            heap[pos] = heap[child]
            pos = child
        else:
            break
    heap[pos] = last
    return top


class PriorityQueue(Queue):
    """Retrieves the lowest entry first (entries are often (priority, data))."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        _heappush(self.queue, item)

    def _get(self):
        return _heappop(self.queue)


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    def __init__(self):
        self._queue = []
        self._head = 0
        self._cond = threading.Condition(threading.Lock())

    def put(self, item, block=True, timeout=None):
        with self._cond:
            self._queue.append(item)
            self._cond.notify()

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get(self, block=True, timeout=None):
        with self._cond:
            if not block:
                if len(self._queue) == self._head:
                    raise Empty
            elif timeout is None:
                while len(self._queue) == self._head:
                    self._cond.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = _time() + timeout
                while len(self._queue) == self._head:
                    remaining = endtime - _time()
                    if remaining <= 0.0:
                        raise Empty
                    self._cond.wait(remaining)
            item = self._queue[self._head]
            self._queue[self._head] = None
            self._head += 1
            if self._head > 32 and self._head * 2 > len(self._queue):
                del self._queue[:self._head]
                self._head = 0
            return item

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        with self._cond:
            return len(self._queue) == self._head

    def qsize(self):
        with self._cond:
            return len(self._queue) - self._head
