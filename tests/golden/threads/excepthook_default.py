# The default excepthook writes the traceback to stderr; exit status stays 0.
import threading

def fail():
    raise KeyError("missing")

t = threading.Thread(target=fail, name="worker")
t.start()
t.join()
print("done")  # expect: done
# error: KeyError: 'missing'
# exit: 0
