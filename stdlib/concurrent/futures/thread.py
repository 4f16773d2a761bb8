"""ThreadPoolExecutor: calls run on a pool of threads.

submit() puts a _WorkItem on one queue.SimpleQueue that every worker
thread takes from; a worker is started at submit() while no worker is idle
and there are fewer than max_workers (the idle semaphore counts the idle
ones). None on the queue tells a worker to stop; each one that stops puts
it back for the next. The workers are not daemons: at interpreter exit a
hook registered with threading._register_atexit (run before the threads are
joined, as in CPython) stops them after the work already queued.

gilvm has no weakref, so a worker holds its executor strongly: an executor
dropped without shutdown() keeps its idle threads until interpreter exit
(CPython stops them when the executor is collected).
"""

import os
import queue
import threading

from concurrent.futures import _base

_threads_queues = {}   # worker thread -> its executor's work queue
_shutdown = False
# Taken by submit() and by the exit hook, so no call is queued after the
# workers were told to stop.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    _base._stop_workers(_threads_queues)


threading._register_atexit(_python_exit)


class BrokenThreadPool(_base.BrokenExecutor):
    """A worker thread's initializer failed."""


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            # No reference cycle through the frame that raised.
            self = None
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            _base._report('Exception in initializer:', exc)
            executor._initializer_failed()
            return
    while True:
        work_item = work_queue.get(block=True)
        if work_item is not None:
            work_item.run()
            del work_item
            executor._idle_semaphore.release()
            continue
        # None: the executor or the interpreter is shutting down.
        if _shutdown or executor._shutdown:
            executor._shutdown = True
            work_queue.put(None)   # for the next worker
            return


class ThreadPoolExecutor(_base.Executor):
    """Runs calls on up to max_workers threads."""

    # Numbers the executors with no thread_name_prefix ("ThreadPoolExecutor-N").
    _counter = 0

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            # At least 5 threads for I/O-bound work, at most 32 (CPython 3.8+).
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        if not thread_name_prefix:
            thread_name_prefix = f'ThreadPoolExecutor-{ThreadPoolExecutor._counter}'
            ThreadPoolExecutor._counter += 1
        self._thread_name_prefix = thread_name_prefix
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker will take the item.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            t = threading.Thread(name=f'{self._thread_name_prefix}_{num_threads}', target=_worker,
                                 args=(self, self._work_queue, self._initializer, self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = 'A thread initializer failed, the thread pool is not usable anymore'
            # Fail the calls still queued.
            for work_item in _base._drain(self._work_queue):
                work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No more calls; cancel_futures cancels those not started; wait
        joins the threads."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                for work_item in _base._drain(self._work_queue):
                    work_item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for t in list(self._threads):
                t.join()
