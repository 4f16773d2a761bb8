# 100000 nested Python calls with the recursion limit raised.
import sys
sys.setrecursionlimit(200000)
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(100000))  # expect: 100000
