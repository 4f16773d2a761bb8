# process_time and thread_time count CPU time.
import time
p0, t0 = time.process_time(), time.thread_time()
x = 0
for i in range(200000):
    x += i
print(x)  # expect: 19999900000
print(time.process_time() >= p0, time.thread_time() >= t0)  # expect: True True
print(type(p0).__name__, type(t0).__name__)  # expect: float float
