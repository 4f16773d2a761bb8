# An uncaught int() parse error.
values = ['1', '22', 'abc']
for v in values:
    print(int(v))
# expect: 1
# expect: 22
# error: ValueError: invalid literal for int() with base 10: 'abc'
