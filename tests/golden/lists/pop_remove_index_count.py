# pop, remove, index and count.
a = [5, 3, 5, 1, 5]
print(a.pop(), a.pop(0), a)  # expect: 5 5 [3, 5, 1]
print(a.pop(-2), a)  # expect: 5 [3, 1]
b = ['x', 'y', 'x']
b.remove('x')
print(b)  # expect: ['y', 'x']
print([1, 2, 3, 2].index(2), [1, 2, 3, 2].count(2))  # expect: 1 2
print([1, 2, 3, 2].index(2, 2))  # expect: 3
