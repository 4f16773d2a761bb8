# Sorting values that cannot be compared is a TypeError.
print(sorted([3, 1.5, True]))  # expect: [True, 1.5, 3]
a = [3, "a", 1]
a.sort()
# error: TypeError: '<' not supported between instances of 'str' and 'int'
