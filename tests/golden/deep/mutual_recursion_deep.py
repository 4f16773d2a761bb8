# Deep mutual recursion.
import sys
sys.setrecursionlimit(120000)
def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(100000), odd(99999))  # expect: True True
