# An uncaught KeyError with a tuple key shows the key's repr.
table = {(1, 'a'): 'first'}
print(table[(1, 'a')])  # expect: first
key = (2, 'b')
table[key]
# error: KeyError: (2, 'b')
