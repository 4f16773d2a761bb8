# Adding keys while iterating a dict is an error.
d = {'a': 1, 'b': 2}
for k in d:
    d[k + k] = 0
# error: RuntimeError: dictionary changed size during iteration
