# iter and next, with and without a default.
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'))  # expect: 1 2 end
d = iter({'k': 1})
print(next(d))  # expect: k
s = iter("ab")
print(list(s), next(s, None))  # expect: ['a', 'b'] None
try:
    next(iter([]))
except StopIteration:
    print("StopIteration")  # expect: StopIteration
