# Calls: plain functions with positional, default and keyword arguments, and
# method calls and attribute loads/stores on a class instance.
# Runs under gilvm and python3 alike; prints a checksum, measures nothing itself.


class Counter:
    def __init__(self, start):
        self.value = start
        self.calls = 0

    def add(self, n):
        self.value = (self.value + n) & 0xFFFF
        self.calls += 1

    def get(self):
        return self.value


def add3(a, b, c):
    return a + b + c


def scaled(a, factor=2, offset=0):
    return a * factor + offset


def main():
    counter = Counter(7)
    total = 0
    for i in range(1_500_000):
        total += add3(i, 1, 2)
        total += scaled(i) + scaled(i, offset=3)
        counter.add(i)
        total += counter.get()
    print("calls checksum", total, counter.calls)


main()
