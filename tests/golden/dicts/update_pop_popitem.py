# update from a dict, pairs and keywords; pop; popitem is LIFO.
d = {'a': 1}
d.update({'b': 2})
d.update([('c', 3)], d=4)
d.update(a=0)
print(d)  # expect: {'a': 0, 'b': 2, 'c': 3, 'd': 4}
print(d.pop('b'), d.pop('zz', 'dflt'))  # expect: 2 dflt
print(d.popitem(), d)  # expect: ('d', 4) {'a': 0, 'c': 3}
