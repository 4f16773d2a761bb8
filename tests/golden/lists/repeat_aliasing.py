# list * int copies references, not objects.
print([0] * 3)  # expect: [0, 0, 0]
print([1, 2] * 2)  # expect: [1, 2, 1, 2]
print([1] * 0, [1] * -1)  # expect: [] []
grid = [[0] * 2] * 2
grid[0][0] = 7
print(grid)  # expect: [[7, 0], [7, 0]]
ok = [[0] * 2 for _ in range(2)]
ok[0][0] = 7
print(ok)  # expect: [[7, 0], [0, 0]]
