# __getitem__ and __setitem__, including slices and negative keys.
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, '.')
    def __setitem__(self, key, value):
        self.cells[key] = value
g = Grid()
g[0, 0] = 'X'
g[-1] = 'Y'
print(g[0, 0], g[1, 1], g[-1])  # expect: X . Y
class Echo:
    def __getitem__(self, key):
        return key
print(Echo()[1:5:2])  # expect: slice(1, 5, 2)
print(Echo()[::-1])  # expect: slice(None, None, -1)
