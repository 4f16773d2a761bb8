# Unpacking targets inside comprehensions.
pairs = [(1, 'a'), (2, 'b')]
print([f"{n}{s}" for n, s in pairs])  # expect: ['1a', '2b']
print([a + b for (a, b), c in [((1, 2), 3), ((4, 5), 6)]])  # expect: [3, 9]
print({k: v for k, v in zip("xyz", range(3))})  # expect: {'x': 0, 'y': 1, 'z': 2}
