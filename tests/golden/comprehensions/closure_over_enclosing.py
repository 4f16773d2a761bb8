# Comprehensions inside functions can read the function's locals.
def scale(items, k):
    return [x * k for x in items if x != k]
print(scale([1, 2, 3], 2))  # expect: [2, 6]
def table(n):
    return {i: [i * j for j in range(n)] for i in range(n)}
print(table(3))  # expect: {0: [0, 0, 0], 1: [0, 1, 2], 2: [0, 2, 4]}
