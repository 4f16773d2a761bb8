# operator's in-place forms mutate mutable left operands and return the result
import operator as op
a = [1]
b = op.iadd(a, [2])
print(a, b is a)
s = 'x'
t = op.iadd(s, 'y')
print(s, t)
n = op.imul(3, 4)
print(n, op.isub(10, 3), op.ifloordiv(9, 2), op.itruediv(9, 2), op.imod(9, 4), op.ipow(2, 5))
print(op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3), op.ilshift(1, 3), op.irshift(16, 2))
x = {1, 2}
y = op.ior(x, {3})
print(sorted(y), y is x)
c = [1]
print(op.iconcat(c, (2,)), op.__iadd__ is op.iadd)

# expect: [1, 2] True
# expect: x xy
# expect: 12 7 4 4.5 1 32
# expect: 2 7 5 8 4
# expect: [1, 2, 3] True
# expect: [1, 2] True
