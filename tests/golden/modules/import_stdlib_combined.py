# Several modules in one import statement.
import sys, math, time
print(type(sys.argv).__name__)  # expect: list
print(math.sqrt(9), callable(time.sleep))  # expect: 3.0 True
print(sys.__name__, math.__name__, time.__name__)  # expect: sys math time
