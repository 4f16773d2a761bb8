# max of an empty sequence without a default is a ValueError.
print(max([7]), max([], default=0))  # expect: 7 0
print(min("b", "a"))  # expect: a
items = []
max(items)
# error: ValueError: max() arg is an empty sequence
