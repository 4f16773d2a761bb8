# BoundedSemaphore refuses to be released above its initial value.
import threading

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print(e)  # expect: Semaphore released too many times
print(b.acquire(), b.acquire(), b.acquire(False))  # expect: True True False
