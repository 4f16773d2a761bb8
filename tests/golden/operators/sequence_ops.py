# Operators on sequences.
print([1] + [2], (1,) + (2,), 'a' + 'b')  # expect: [1, 2] (1, 2) ab
print(2 * [0], 'ab' * 2)  # expect: [0, 0] abab
print([1, 2] < [1, 2, 0], 'b' > 'abc')  # expect: True True
print([1, 2] == [1, 2], (1, 2) == [1, 2])  # expect: True False
