# is compares identity; in compares membership.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)  # expect: True False True True
print(None is None, type(None) is type(None))  # expect: True True
print(2 in a, 3 not in a, 'k' in {'k': 0}, 0 in {'k': 0})  # expect: True True True False
print(a[0] is a[0], "" == "")  # expect: True True
