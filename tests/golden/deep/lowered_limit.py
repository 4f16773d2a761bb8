# A lowered recursion limit triggers RecursionError sooner.
import sys
sys.setrecursionlimit(100)
def d(n):
    return 0 if n == 0 else 1 + d(n - 1)
print(d(50))  # expect: 50
try:
    d(200)
except RecursionError:
    print("limit 100 enforced")  # expect: limit 100 enforced
