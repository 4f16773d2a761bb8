"""logging.handlers: the handlers that hand records to a queue.

QueueHandler puts each record, formatted and stripped of what may not
pickle (args, exc_info, stack_info), on a queue; QueueListener takes them
off in a thread of its own and passes them to its handlers. Together they
keep the threads that log from waiting on slow handlers (files, sockets).
The other handlers of CPython's logging.handlers (rotating files, sockets,
syslog, SMTP, HTTP, memory) are not here.
"""

import queue
import threading

import logging


class QueueHandler(logging.Handler):
    """Puts each prepared record on `queue` (put_nowait)."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        """A copy of the record with the merged message as msg and message,
        and no args, exc_info, exc_text or stack_info (the formatted text
        has them)."""
        msg = self.format(record)
        # copy.copy(record): a new instance with the same attributes.
        copied = object.__new__(type(record))
        copied.__dict__.update(record.__dict__)
        record = copied
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener:
    """Takes records off `queue` in a thread and passes them to handlers."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        self._thread = t = threading.Thread(target=self._monitor)
        t.daemon = True
        t.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level:
                process = True
            else:
                process = record.levelno >= handler.level
            if process:
                handler.handle(record)

    def _monitor(self):
        q = self.queue
        has_task_done = hasattr(q, 'task_done')
        while True:
            try:
                record = self.dequeue(True)
                if record is self._sentinel:
                    if has_task_done:
                        q.task_done()
                    break
                self.handle(record)
                if has_task_done:
                    q.task_done()
            except queue.Empty:
                break

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        """Waits until every queued record is handled, then ends the thread."""
        self.enqueue_sentinel()
        self._thread.join()
        self._thread = None
