# The interpreter waits for non-daemon threads before it exits.
import threading
import time

def late():
    time.sleep(0.2)
    print("worker finished")

threading.Thread(target=late).start()
print("main finished")
# expect: main finished
# expect: worker finished
