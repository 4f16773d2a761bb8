# operator's arithmetic, comparison, logic and identity functions, and the dunder aliases
import operator as op
print(op.add(2, 3), op.sub(2, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(-7, 2), op.mod(-7, 3))
print(op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3.5), op.inv(5), op.invert(0))
print(op.lshift(1, 4), op.rshift(256, 3), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne('a', 'a'), op.ge(1, 2), op.gt(3, 2))
print(op.not_([]), op.truth([0]), op.is_(None, None), op.is_not(1, None))
print(op.__add__(1, 2), op.__lt__(2, 1), op.__not__(0), op.__mul__ is op.mul, op.__inv__ is op.inv)
print(op.index(7), op.call(max, 1, 5, 2), op.call(sorted, [3, 1], reverse=True))
try:
    op.index(1.5)
except TypeError as e:
    print('TypeError:', e)
try:
    op.add(1, 'a')
except TypeError as e:
    print('TypeError:', e)

# expect: 5 -1 abab 3.5 -4 2
# expect: 1024 -5 -5 3.5 -6 -1
# expect: 16 32 8 14 6
# expect: True True True False False True
# expect: True True True True
# expect: 3 False True True True
# expect: 7 5 [3, 1]
# expect: TypeError: 'float' object cannot be interpreted as an integer
# expect: TypeError: unsupported operand type(s) for +: 'int' and 'str'
