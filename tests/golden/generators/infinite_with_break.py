# An infinite generator consumed until a break.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
squares = []
for n in naturals():
    if n * n > 50:
        break
    squares.append(n * n)
print(squares)  # expect: [0, 1, 4, 9, 16, 25, 36, 49]
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
g = fib()
print([next(g) for _ in range(10)])  # expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
