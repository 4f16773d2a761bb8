# remove of a missing item is a ValueError.
try:
    [1, 2].remove(3)
except ValueError as e:
    print(e)  # expect: list.remove(x): x not in list
try:
    [1, 2].index(3)
except ValueError as e:
    print(e)  # expect: 3 is not in list
