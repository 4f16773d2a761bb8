# operator's sequence functions: concat, contains, countOf, indexOf, getitem/setitem/delitem, length_hint
import operator as op
print(op.concat([1], [2, 3]), op.concat('ab', 'cd'), op.contains([1, 2], 2), op.contains('abc', 'z'))
print(op.countOf([1, 2, 1, 1.0, True], 1), op.indexOf('hello', 'l'))
d = {'a': 1}
op.setitem(d, 'b', 2)
print(op.getitem(d, 'b'), op.getitem([10, 20, 30], slice(1, None)))
op.delitem(d, 'a')
print(d)
print(op.length_hint([1, 2, 3]), op.length_hint(5, 9), op.length_hint('abcd', 0))
for call in [lambda: op.concat(1, 2), lambda: op.indexOf([1, 2], 3)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

# expect: [1, 2, 3] abcd True False
# expect: 4 2
# expect: 2 [20, 30]
# expect: {'b': 2}
# expect: 3 9 4
# expect: TypeError: 'int' object can't be concatenated
# expect: ValueError: sequence.index(x): x not in sequence
