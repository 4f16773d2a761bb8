# map and filter are lazy iterators.
print(list(map(str, [1, 2])))  # expect: ['1', '2']
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))  # expect: [4, 10]
print(list(filter(None, [0, 1, '', 'a', None, []])))  # expect: [1, 'a']
print(list(filter(lambda x: x > 1, range(4))))  # expect: [2, 3]
m = map(abs, [-1, -2])
print(next(m), list(m), list(m))  # expect: 1 [2] []
