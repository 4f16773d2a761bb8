# uniform stays within its bounds; shuffles repeat with the same seed.
import random
random.seed(3)
u = [random.uniform(2.5, 3.5) for _ in range(1000)]
print(all(2.5 <= x <= 3.5 for x in u))  # expect: True
random.seed(99)
d1 = list(range(8))
random.shuffle(d1)
random.seed(99)
d2 = list(range(8))
random.shuffle(d2)
print(d1 == d2)  # expect: True
