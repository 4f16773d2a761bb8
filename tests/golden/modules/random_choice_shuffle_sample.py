# choice, shuffle and sample keep to the population.
import random
random.seed(7)
items = list(range(20))
print(all(random.choice(items) in items for _ in range(100)))  # expect: True
deck = list(range(10))
random.shuffle(deck)
print(sorted(deck) == list(range(10)), len(deck))  # expect: True 10
s = random.sample(items, 5)
print(len(s), len(set(s)), all(x in items for x in s))  # expect: 5 5 True
print(random.choice("x"))  # expect: x
