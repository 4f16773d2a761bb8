# List, tuple, dict and set displays, including empty ones and trailing commas.
print([1, 2, 3,])  # expect: [1, 2, 3]
print((1,))  # expect: (1,)
print(())  # expect: ()
print({'a': 1, 'b': 2})  # expect: {'a': 1, 'b': 2}
print({})  # expect: {}
print({3})  # expect: {3}
print(set())  # expect: set()
print([[], [[]], ()])  # expect: [[], [[]], ()]
