# Deep recursion carrying a big-integer accumulator.
import sys
sys.setrecursionlimit(200000)
def total(n, acc):
    if n == 0:
        return acc
    return total(n - 1, acc + n)
print(total(150000, 0))  # expect: 11250075000
