# perf_counter and monotonic never go backwards.
import time
ok = True
prev_p, prev_m = time.perf_counter(), time.monotonic()
for _ in range(1000):
    p, m = time.perf_counter(), time.monotonic()
    ok = ok and p >= prev_p and m >= prev_m
    prev_p, prev_m = p, m
print(ok)  # expect: True
print(type(time.perf_counter()).__name__, type(time.monotonic()).__name__)  # expect: float float
