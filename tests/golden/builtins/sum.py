# sum with a start value, floats and bools.
print(sum([1, 2, 3]), sum([1, 2, 3], 10))  # expect: 6 16
print(sum([0.1] * 10))  # expect: 0.9999999999999999
print(sum([[1], [2]], []))  # expect: [1, 2]
print(sum(range(101)), sum([]))  # expect: 5050 0
print(sum([True, True, 1.5]))  # expect: 3.5
