# randint includes both ends; randrange excludes the stop.
import random
random.seed(1)
rolls = [random.randint(1, 6) for _ in range(2000)]
print(min(rolls), max(rolls), sorted(set(rolls)))  # expect: 1 6 [1, 2, 3, 4, 5, 6]
r = [random.randrange(0, 10, 2) for _ in range(500)]
print(all(x % 2 == 0 and 0 <= x < 10 for x in r), sorted(set(r)))  # expect: True [0, 2, 4, 6, 8]
print(all(0 <= random.randrange(5) < 5 for _ in range(500)))  # expect: True
