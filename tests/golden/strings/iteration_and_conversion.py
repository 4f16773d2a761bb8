# Iterating a string, list() of it and str() of other values.
print(list("abc"))  # expect: ['a', 'b', 'c']
for ch in "hi":
    print(ch, ord(ch))
# expect: h 104
# expect: i 105
print(str(12), str(1.5), str(None), str(True), str([1, 'a']))  # expect: 12 1.5 None True [1, 'a']
