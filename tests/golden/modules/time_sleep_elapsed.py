# time.sleep waits at least the requested time.
import time
t0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.05)
print(time.perf_counter() - t0 >= 0.045)  # expect: True
print(time.monotonic() - m0 >= 0.045)  # expect: True
time.sleep(0)
print("slept")  # expect: slept
