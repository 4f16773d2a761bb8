# Lists compare lexicographically.
print([1, 2] < [1, 2, 3])  # expect: True
print([1, 3] > [1, 2, 9])  # expect: True
print([1, 2] == [1, 2], [1, 2] == [2, 1])  # expect: True False
print([] < [0])  # expect: True
print([1, [2, 3]] == [1, [2, 3]])  # expect: True
print([1, 2] != (1, 2))  # expect: True
