# time.sleep releases the GIL: 8 threads sleeping 0.2 s take well under 1 s.
import threading
import time

start = time.monotonic()
ts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
elapsed = time.monotonic() - start
print(elapsed >= 0.2, elapsed < 0.8)  # expect: True True
