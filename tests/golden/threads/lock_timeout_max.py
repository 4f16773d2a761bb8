# acquire(timeout=TIMEOUT_MAX) on a held lock waits for the release (the deadline must not wrap into the past).
import threading

lock = threading.Lock()
lock.acquire()
timer = threading.Timer(0.05, lock.release)
timer.start()
print(lock.acquire(True, threading.TIMEOUT_MAX))
timer.join()
rlock = threading.RLock()
got = []
with rlock:
    t = threading.Thread(target=lambda: got.append(rlock.acquire(timeout=threading.TIMEOUT_MAX)))
    t.start()
    t.join(0.05)
    print(got, t.is_alive())
t.join()
print(got)

# The output:
# expect: True
# expect: [] True
# expect: [True]
