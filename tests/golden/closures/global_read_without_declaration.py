# Reading a global needs no declaration; it is looked up at call time.
def f():
    return g * 2
g = 21
print(f())  # expect: 42
g = 'ab'
print(f())  # expect: abab
