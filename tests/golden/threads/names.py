# Thread names: "Thread-N (target)" as CPython 3.10+, explicit names, renaming.
import threading

def job():
    pass

class Worker(threading.Thread):
    pass

a = threading.Thread(target=job)
b = threading.Thread(target=job, name="custom")
c = threading.Thread()
d = Worker()
print(a.name)  # expect: Thread-1 (job)
print(b.name)  # expect: custom
print(c.name)  # expect: Thread-2
print(d.name)  # expect: Thread-3
d.name = "renamed"
print(d.name)  # expect: renamed
e = threading.Thread(target=lambda: None)
print(e.name)  # expect: Thread-4 (<lambda>)
print(threading.main_thread().name)  # expect: MainThread
