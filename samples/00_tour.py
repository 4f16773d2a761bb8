# A short tour of the language gilvm runs: a Python 3 subset, byte for byte
# the output CPython 3.11 gives (run it under python3 to compare).
# Claim: everything below is ordinary Python; gilvm compiles it to its own
# bytecode (see `gilvm -m dis samples/00_tour.py`) and runs it on a stack VM.

print("== numbers ==")
print(2 ** 100)                       # ints have arbitrary precision
print(7 // -2, 7 % -2, -7 / 2)        # floor division, modulo, true division
print(0.1 + 0.2, 1e16, round(2.675, 2))
print(f"{3.14159:>10.3f}|{255:#x}|{1234567:,}")

print("== strings ==")
s = "Hello, GIL"
print(s[::-1], s.upper(), s.split(", "), len("naïve"))
print(repr("tab\there"), "-".join(str(n) for n in range(5)))

print("== containers ==")
squares = {n: n * n for n in range(6) if n % 2 == 0}
print(squares, sorted({5, 3, 9, 1}), list(zip("ab", [1, 2])))
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)

print("== functions and closures ==")


def counter(start=0, *, step=1):
    value = start

    def tick():
        nonlocal value
        value += step
        return value

    return tick


tick = counter(10, step=5)
print(tick(), tick(), (lambda *a, **k: (a, k))(1, x=2))

print("== classes ==")


class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    @property
    def length(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


class Named(Vector):
    def __init__(self, name, x, y):
        super().__init__(x, y)
        self.name = name


v = Vector(3, 4) + Named("n", 1, 1)
print(v, v.length, isinstance(Named("a", 0, 0), Vector))

print("== generators ==")


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    for i, x in enumerate(it):
        if i == n:
            return
        yield x


print(list(take(10, fib())), sum(x * x for x in range(10)))

print("== exceptions ==")
try:
    {}["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad input") from e
except ValueError as e:
    print(type(e).__name__, e, "caused by", type(e.__cause__).__name__)
finally:
    print("finally runs")


class Resource:
    def __enter__(self):
        print("open")
        return self

    def __exit__(self, *exc):
        print("close")
        return False


with Resource():
    print("using it")
print("tour done")
