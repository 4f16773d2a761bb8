# time.time is seconds since the epoch, as a float.
import time
t = time.time()
print(type(t).__name__, t > 1.6e9, t < 4.2e9)  # expect: float True True
print(time.time() >= t - 1)  # expect: True
