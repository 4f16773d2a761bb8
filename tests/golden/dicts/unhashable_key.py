# Lists cannot be dict keys; tuples can.
d = {}
d[(1,)] = 1
print(d)  # expect: {(1,): 1}
d[[1]] = 2
# error: TypeError: unhashable type: 'list'
