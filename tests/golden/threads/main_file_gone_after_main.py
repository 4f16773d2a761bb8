# When the script has run, CPython takes __file__ out of __main__'s globals:
# a thread still running after the main code ended no longer sees it.
import threading
import time

def late():
    time.sleep(0.2)  # the main code has ended by now
    print("late:", globals().get("__file__"))

print("during:", isinstance(globals().get("__file__"), str))  # expect: during: True
threading.Thread(target=late).start()
# expect: late: None
