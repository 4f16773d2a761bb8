# A forked child collects garbage while a thread that no longer exists in it
# was waiting on an Event only that thread referenced: the child must not
# hang (freeing the vanished waiter's lock would) and exits normally.
import os
import threading
import time


def waiter():
    ev = threading.Event()
    ev.wait(5)


t = threading.Thread(target=waiter, daemon=True)
t.start()
time.sleep(0.1)
pid = os.fork()
if pid == 0:
    for i in range(300000):
        x = [i, i]  # garbage: the collector runs
    os._exit(3)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))  # expect: 3
