# Set operations on dict views: with any iterable, either side; a
# non-iterable operand is a TypeError.
d = {1: 'a', 2: 'b'}
print(d.keys() | [1, 3], d.keys() & [1], d.keys() - [1], d.keys() ^ [1, 5])  # expect: {1, 2, 3} {1} {2} {2, 5}
print(sorted(d.items() - {(1, 'a')}), d.items() & {(2, 'b')})  # expect: [(2, 'b')] {(2, 'b')}
print({5} | d.keys(), [1, 9] & d.keys(), [5] - d.keys(), (1, 7) ^ d.keys())  # expect: {1, 2, 5} {1} {5} {2, 7}
for f in (lambda: d.keys() & 5, lambda: 5 | d.keys(), lambda: d.items() - None):
    try:
        f()
    except TypeError as e:
        print(e)
# expect: 'int' object is not iterable
# expect: 'int' object is not iterable
# expect: 'NoneType' object is not iterable
