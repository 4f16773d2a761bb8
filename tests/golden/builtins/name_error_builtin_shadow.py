# Builtins can be shadowed by globals and restored by deleting the global.
len = lambda x: 'shadowed'
print(len([1, 2]))  # expect: shadowed
del len
print(len([1, 2]))  # expect: 2
