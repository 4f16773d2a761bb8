# Sets of small ints print in CPython's hash-table order.
print({3, 1, 2})  # expect: {1, 2, 3}
print({5, 10, 2, 8})  # expect: {8, 10, 2, 5}
print({8, 1, 0})  # expect: {8, 1, 0}
print(set([7, 6, 5, 4, 3, 2, 1]))  # expect: {1, 2, 3, 4, 5, 6, 7}
print({100, 20, 3})  # expect: {3, 100, 20}
