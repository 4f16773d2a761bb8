# Ordering comparisons between unrelated types are TypeErrors.
print(1 == 'a', 1 != 'a')  # expect: False True
print(1 < 2.5, 1 < True)  # expect: True False
print(1 in ['1'])  # expect: False
print(1 < 'a')
# error: TypeError: '<' not supported between instances of 'int' and 'str'
