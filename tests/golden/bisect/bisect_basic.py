# bisect_left/bisect_right with duplicates, lo/hi bounds and the lo error
import bisect
a = [1, 2, 2, 2, 3, 5]
for x in [0, 2, 4, 6]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 9, hi=2))
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print('ValueError:', e)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])

# expect: 0 0 0 0
# expect: 2 1 4 4
# expect: 4 5 5 5
# expect: 6 6 6 6
# expect: 2 3 2
# expect: ValueError: lo must be non-negative
# expect: ['F', 'A', 'C', 'C', 'B', 'A', 'A']
