# A daemon thread still blocked at exit does not keep the program alive.
import threading
import time

def forever():
    while True:
        time.sleep(0.05)

t = threading.Thread(target=forever, daemon=True)
print(t.daemon)  # expect: True
t.start()
print(t.is_alive())  # expect: True
u = threading.Thread(target=forever)
print(u.daemon)  # expect: False
u.daemon = True
u.start()
try:
    u.daemon = False
except RuntimeError as e:
    print(e)  # expect: cannot set daemon status of active thread
print("main exits")  # expect: main exits
