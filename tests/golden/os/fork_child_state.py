# After os.fork the child has only the forking thread: threading knows it,
# the child can start threads of its own, and its exit status is its own.
import os
import threading
import time

stop = threading.Event()
busy = threading.Thread(target=stop.wait)
busy.start()
pid = os.fork()
if pid == 0:
    seen = [threading.active_count(), threading.current_thread() is threading.main_thread()]
    t = threading.Thread(target=lambda: seen.append(threading.active_count()))
    t.start()
    t.join()
    # exit status = the facts, as digits: 1 thread, main, 2 during t
    raise SystemExit(seen[0] * 100 + seen[1] * 10 + seen[2])
got, status = os.waitpid(pid, 0)
print(os.waitstatus_to_exitcode(status))  # expect: 112
print(threading.active_count())  # expect: 2
stop.set()
busy.join()
