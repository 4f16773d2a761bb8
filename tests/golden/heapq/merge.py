# heapq.merge of sorted inputs, with key= and reverse=, stable across inputs
import heapq
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([1, 3], [], [2], [0, 4, 5])))
print(list(heapq.merge([9, 5, 1], [8, 4], reverse=True)))
a = [(1, 'a1'), (3, 'a3')]
b = [(1, 'b1'), (2, 'b2'), (3, 'b3')]
print(list(heapq.merge(a, b, key=lambda t: t[0])))
print(list(heapq.merge(['dd', 'a'], ['ccc', 'bb'], key=len, reverse=True)))
print(list(heapq.merge()), list(heapq.merge(iter([3, 4]))))

# expect: [1, 2, 3, 4, 5, 6, 7, 8, 9]
# expect: [0, 1, 2, 3, 4, 5]
# expect: [9, 8, 5, 4, 1]
# expect: [(1, 'a1'), (1, 'b1'), (2, 'b2'), (3, 'a3'), (3, 'b3')]
# expect: ['ccc', 'dd', 'bb', 'a']
# expect: [] [3, 4]
