# Three-argument pow on big numbers.
print(pow(2, 100, 1000))  # expect: 376
print(pow(3, 10 ** 18, 10 ** 9 + 7))  # expect: 246336683
print(pow(-2, 3, 5))  # expect: 2
print(pow(7, 0, 13))  # expect: 1
