# The default recursion limit is 1000 and can be changed.
import sys
print(sys.getrecursionlimit())  # expect: 1000
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())  # expect: 5000
