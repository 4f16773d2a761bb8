# A Semaphore bounds how many threads are inside at once.
import threading
import time

sem = threading.Semaphore(2)
guard = threading.Lock()
inside = 0
peak = 0

def work():
    global inside, peak
    with sem:
        with guard:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.02)
        with guard:
            inside -= 1

ts = [threading.Thread(target=work) for _ in range(6)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(peak <= 2, inside)  # expect: True 0
s = threading.Semaphore(0)
print(s.acquire(blocking=False), s.acquire(timeout=0.05))  # expect: False False
s.release(2)
print(s.acquire(), s.acquire(False))  # expect: True True
try:
    threading.Semaphore(-1)
except ValueError as e:
    print(e)  # expect: semaphore initial value must be >= 0
