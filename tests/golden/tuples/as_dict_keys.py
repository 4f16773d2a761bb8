# Tuples are hashable and work as dict keys and set members.
grid = {}
grid[(0, 1)] = 'a'
grid[1, 0] = 'b'
print(grid[(1, 0)], grid[0, 1])  # expect: b a
print((0, 1) in grid)  # expect: True
print(hash((1, 2)) == hash((1, 2)))  # expect: True
print(len({(1, 2), (1, 2), (2, 1)}))  # expect: 2
