# heapq push/pop/pushpop/replace/heapify keep CPython's exact heap layout
import heapq
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h)
print(heapq.heappop(h), h)
print(heapq.heappushpop(h, 4), h)
print(heapq.heappushpop(h, 0), h)
print(heapq.heapreplace(h, 6), h)
data = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
heapq.heapify(data)
print(data)
print([heapq.heappop(data) for _ in range(len(data))])
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1)]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__ + ':', e)

# expect: [1, 3, 2, 5, 9, 8, 7]
# expect: 1 [2, 3, 7, 5, 9, 8]
# expect: 2 [3, 4, 7, 5, 9, 8]
# expect: 0 [3, 4, 7, 5, 9, 8]
# expect: 3 [4, 5, 7, 6, 9, 8]
# expect: [0, 1, 3, 2, 5, 4, 7, 9, 6, 8]
# expect: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
# expect: IndexError: index out of range
# expect: IndexError: index out of range
# expect: TypeError: heappush() argument 1 must be list, not tuple
