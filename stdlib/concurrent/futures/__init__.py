"""Running calls asynchronously: concurrent.futures (CPython 3.11's API).

The parts, as in CPython's package:

* _base: Future, the module functions wait() and as_completed(), Executor
  (map, the with-statement) and the exceptions.
* thread: ThreadPoolExecutor.
* process: ProcessPoolExecutor, on the multiprocessing module.

Every wait in here -- Future.result, wait(), as_completed(), shutdown() --
ends in a threading lock's acquire, which releases the GIL; gilvm's GIL
statistics name it after the method (interpreter/modules/thread.cpp).
"""

from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                                      CancelledError, TimeoutError, InvalidStateError,
                                      BrokenExecutor, Future, Executor, wait, as_completed,
                                      DoneAndNotDoneFutures)
from concurrent.futures.thread import ThreadPoolExecutor
from concurrent.futures.process import ProcessPoolExecutor

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError', 'TimeoutError',
           'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed', 'ProcessPoolExecutor',
           'ThreadPoolExecutor')
