# Timer runs its function after the interval; a cancelled Timer never does.
import threading

fired = []
t = threading.Timer(0.05, fired.append, args=["first"])
t.start()
t.join()
c = threading.Timer(5, fired.append, args=["never"])
c.start()
c.cancel()
c.join()
print(fired)  # expect: ['first']
print(t.is_alive(), c.is_alive())  # expect: False False
