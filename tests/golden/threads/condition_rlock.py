# Condition over an RLock held twice: wait() releases every level and restores them.
import threading

r = threading.RLock()
cond = threading.Condition(r)
state = []

def setter():
    with cond:
        state.append("set")
        cond.notify()

with cond:
    with cond:
        t = threading.Thread(target=setter)
        t.start()
        print(cond.wait_for(lambda: state, timeout=5))  # expect: ['set']
        print(r._is_owned())  # expect: True
    print(r._is_owned())  # expect: True
print(r._is_owned())  # expect: False
t.join()
print(state)  # expect: ['set']
plain = threading.Condition(threading.Lock())
try:
    plain.wait(0.01)
except RuntimeError as e:
    print(e)  # expect: cannot wait on un-acquired lock
