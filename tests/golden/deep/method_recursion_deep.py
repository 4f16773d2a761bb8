# Deep recursion through a method.
import sys
sys.setrecursionlimit(100000)
class Walker:
    def __init__(self):
        self.steps = 0
    def walk(self, n):
        if n:
            self.steps += 1
            self.walk(n - 1)
w = Walker()
w.walk(50000)
print(w.steps)  # expect: 50000
