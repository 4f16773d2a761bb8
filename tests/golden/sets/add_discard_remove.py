# add, discard, remove; remove of a missing element raises KeyError.
s = {1}
s.add(2)
s.add(1)
s.discard(5)
print(s, len(s))  # expect: {1, 2} 2
s.remove(1)
print(s)  # expect: {2}
try:
    s.remove(7)
except KeyError as e:
    print(repr(e))  # expect: KeyError(7)
