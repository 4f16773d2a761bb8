# A zero step is an error; any other step works.
print(list(range(1, 5, 1)))  # expect: [1, 2, 3, 4]
print(list(range(5, 1, -2)))  # expect: [5, 3]
step = 0
range(1, 5, step)
# error: ValueError: range() arg 3 must not be zero
