# A tuple holding a list is not hashable.
ok = {(1, 2): 'x'}
print(ok[1, 2])  # expect: x
key = ([1], 2)
{key: 'x'}
# error: TypeError: unhashable type: 'list'
