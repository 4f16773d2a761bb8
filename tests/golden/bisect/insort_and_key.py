# insort_left/insort_right keep order; key= applies to items, not to x
import bisect
a = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(a, x)
print(a)
pairs = [(1, 'a'), (2, 'b'), (2, 'c'), (4, 'd')]
bisect.insort_left(pairs, (2, 'L'), key=lambda p: p[0])
bisect.insort_right(pairs, (2, 'R'), key=lambda p: p[0])
print(pairs)
recs = [('x', 10), ('y', 20), ('z', 30)]
print(bisect.bisect_left(recs, 20, key=lambda r: r[1]), bisect.bisect_right(recs, 20, key=lambda r: r[1]))
b = [1.0, 1, True]
bisect.insort_left(b, 1)
print(b, [type(v).__name__ for v in b])

# expect: [1, 1, 3, 4, 5]
# expect: [(1, 'a'), (2, 'L'), (2, 'b'), (2, 'c'), (2, 'R'), (4, 'd')]
# expect: 1 2
# expect: [1, 1.0, 1, True] ['int', 'float', 'int', 'bool']
