# len of the builtin containers.
print(len("abc"), len([1, 2]), len((1,)), len({'a': 1}), len({1, 2, 3}), len(b"xy"), len(range(0, 10, 3)))
# expect: 3 2 1 1 3 2 4
try:
    len(5)
except TypeError as e:
    print(e)  # expect: object of type 'int' has no len()
