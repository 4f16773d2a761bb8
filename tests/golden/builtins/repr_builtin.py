# repr of builtin values.
print(repr(1), repr(1.0), repr('a'), repr(b'a'), repr(None))  # expect: 1 1.0 'a' b'a' None
print(repr([1, 'a', (2,)]), repr({'k': [1]}))  # expect: [1, 'a', (2,)] {'k': [1]}
print(repr(range(3)), repr(set()), repr(()))  # expect: range(0, 3) set() ()
print(repr(repr('x')))  # expect: "'x'"
