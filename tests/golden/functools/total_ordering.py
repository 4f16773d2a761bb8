# functools.total_ordering fills <=, >, >= from __lt__ (or from __ge__), and needs one ordering
import functools
@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b, c = Version(1), Version(2), Version(2)
print(a < b, a <= b, a > b, a >= b, b <= c, b >= c, b > c)
print(Version.__gt__.__name__, sorted(v.n for v in [b, a, c]))
@functools.total_ordering
class Rev:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __ge__(self, other):
        return self.n >= other.n
print(Rev(1) < Rev(2), Rev(3) <= Rev(3), Rev(3) > Rev(2))
try:
    @functools.total_ordering
    class Bad:
        pass
except ValueError as e:
    print('ValueError:', e)

# expect: True True False False True True False
# expect: __gt__ [1, 2, 2]
# expect: True True True
# expect: ValueError: must define at least one ordering operation: < > <= >=
