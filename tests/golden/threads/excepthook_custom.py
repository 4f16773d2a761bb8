# An uncaught exception in a thread goes to threading.excepthook; the program goes on.
import threading

def hook(args):
    print("hook:", args.exc_type.__name__, args.exc_value, args.thread.name)

threading.excepthook = hook

def fail():
    raise ValueError("bad value")

t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
print("still running", t.is_alive())
# expect: hook: ValueError bad value failing
# expect: still running False

def exits():
    raise SystemExit(3)

threading.excepthook = threading.__excepthook__
t = threading.Thread(target=exits)
t.start()
t.join()
print("SystemExit in a thread is silent")  # expect: SystemExit in a thread is silent
