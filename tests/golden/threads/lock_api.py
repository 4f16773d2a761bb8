# Lock.acquire with blocking/timeout, release errors, locked().
import threading

lock = threading.Lock()
print(lock.acquire())  # expect: True
print(lock.locked())  # expect: True
print(lock.acquire(False))  # expect: False
print(lock.acquire(blocking=False))  # expect: False
print(lock.acquire(timeout=0.05))  # expect: False
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print(e)  # expect: release unlocked lock
try:
    lock.acquire(False, 1)
except ValueError as e:
    print(e)  # expect: can't specify a timeout for a non-blocking call
with lock:
    print(lock.locked())  # expect: True
print(lock.locked())  # expect: False

# Released by another thread (a plain Lock has no owner).
lock.acquire()
t = threading.Thread(target=lock.release)
t.start()
t.join()
print(lock.acquire(timeout=1))  # expect: True
