# join(timeout) returns while the thread is still alive; a later join waits.
import threading

release = threading.Event()

def blocked():
    release.wait()

t = threading.Thread(target=blocked)
t.start()
t.join(0.05)
print(t.is_alive())  # expect: True
release.set()
t.join()
print(t.is_alive())  # expect: False
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(e)  # expect: cannot join current thread
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print(e)  # expect: cannot join thread before it is started
try:
    t.start()
except RuntimeError as e:
    print(e)  # expect: threads can only be started once
