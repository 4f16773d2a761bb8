# A list can be repeated by an int but not by a float.
print([1, 2] * 2)  # expect: [1, 2, 1, 2]
factor = 1.5
[1, 2] * factor
# error: TypeError: can't multiply sequence by non-int of type 'float'
