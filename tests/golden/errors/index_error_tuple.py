# Indexing an empty tuple.
t = (1,)
print(t[0], t[-1])  # expect: 1 1
t = ()
t[0]
# error: IndexError: tuple index out of range
