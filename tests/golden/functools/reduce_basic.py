# functools.reduce: left fold, initial value, and its two TypeErrors
from functools import reduce
import operator
print(reduce(operator.add, [1, 2, 3, 4]))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []))
print(reduce(operator.sub, [10, 1, 2]))
print(reduce(operator.mul, [], 7))
print(reduce(max, 'hello'))
for args in [(operator.add, []), (operator.add, 5)]:
    try:
        reduce(*args)
    except TypeError as e:
        print('TypeError:', e)

# expect: 10
# expect: [2, 4, 6]
# expect: 7
# expect: 7
# expect: o
# expect: TypeError: reduce() of empty iterable with no initial value
# expect: TypeError: reduce() arg 2 must support iteration
