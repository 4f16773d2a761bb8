# A list cannot be put in a set; a tuple can.
s = {1, 2}
s.add((3,))
print(len(s), (3,) in s)  # expect: 3 True
s.add([3])
# error: TypeError: unhashable type: 'list'
