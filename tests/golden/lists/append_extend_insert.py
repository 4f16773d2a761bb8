# append, extend and insert (with negative and out-of-range positions).
a = [1, 2]
a.append([3])
print(a)  # expect: [1, 2, [3]]
a.extend((4, 5))
a.extend("ab")
print(a)  # expect: [1, 2, [3], 4, 5, 'a', 'b']
b = [1, 2, 3]
b.insert(0, 0)
b.insert(-1, 'x')
b.insert(100, 'end')
b.insert(-100, 'start')
print(b)  # expect: ['start', 0, 1, 2, 'x', 3, 'end']
