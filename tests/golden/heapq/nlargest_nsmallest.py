# heapq.nlargest/nsmallest with and without key; equal keys keep first-seen order
import heapq
nums = [5, 1, 8, 3, 9, 2, 8, 7, 1]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(1, nums), heapq.nsmallest(0, nums))
print(heapq.nlargest(20, nums), heapq.nsmallest(2, iter(nums)))
words = ['bb', 'a', 'ccc', 'dd', 'e', 'fff', 'gg']
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nsmallest(4, iter(words), key=len), heapq.nlargest(4, iter(words), key=len))
recs = [{'n': 'x', 'p': 3}, {'n': 'y', 'p': 1}, {'n': 'z', 'p': 3}]
print([r['n'] for r in heapq.nlargest(2, recs, key=lambda r: r['p'])])
print(heapq.nsmallest(1, [], key=len), heapq.nlargest(2, []))

# expect: [9, 8, 8] [1, 1, 2] [9] []
# expect: [9, 8, 8, 7, 5, 3, 2, 1, 1] [1, 1]
# expect: ['ccc', 'fff', 'bb'] ['a', 'e', 'bb']
# expect: ['a', 'e', 'bb', 'dd'] ['ccc', 'fff', 'bb', 'dd']
# expect: ['x', 'z']
# expect: [] []
