# Slices whose step is near 2**63 take the items they name and stop: no index past the end is ever computed.
big = 2**63 - 1
print(b"abc"[2::big], "abc"[2::big], "aé€"[1::big], [1, 2, 3][2::big], (1, 2, 3)[1::big])
print("abc"[::-big], [1, 2, 3][:0:-big], (1, 2, 3)[::2**62])
items = list(range(10))
items[9::big] = ["nine"]
items[1::2**62] = ["one"]
print(items)
del items[8::big]
del items[0::2**62]
print(items)
items = list(range(5))
del items[::-big]
print(items)

# The output:
# expect: b'c' c é [3] (2,)
# expect: c [3] (1,)
# expect: [0, 'one', 2, 3, 4, 5, 6, 7, 8, 'nine']
# expect: ['one', 2, 3, 4, 5, 6, 7, 'nine']
# expect: [0, 1, 2, 3]
