# A list that contains itself prints as [...].
a = [1, 2]
a.append(a)
print(a)  # expect: [1, 2, [...]]
print(len(a), a[2] is a)  # expect: 3 True
d = {'k': 1}
d['self'] = d
print(d)  # expect: {'k': 1, 'self': {...}}
