# atexit functions run after the non-daemon threads have been joined.
import atexit
import threading
import time

log = []
atexit.register(lambda: print('atexit sees', log))

def worker():
    time.sleep(0.1)
    log.append('worker finished')

threading.Thread(target=worker).start()
print('main returns')
# expect: main returns
# expect: atexit sees ['worker finished']
