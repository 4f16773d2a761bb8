# The same seed gives the same sequence.
import random
random.seed(42)
a = [random.random() for _ in range(5)]
b = [random.randint(1, 100) for _ in range(5)]
random.seed(42)
c = [random.random() for _ in range(5)]
d = [random.randint(1, 100) for _ in range(5)]
print(a == c, b == d)  # expect: True True
print(all(0.0 <= x < 1.0 for x in a))  # expect: True
random.seed(43)
print([random.random() for _ in range(5)] != a)  # expect: True
