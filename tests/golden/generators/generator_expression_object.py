# A generator expression is a one-shot iterator.
g = (c.upper() for c in "abc")
print(type(g).__name__)  # expect: generator
print(next(g))  # expect: A
print(list(g))  # expect: ['B', 'C']
print(next(g, None))  # expect: None
