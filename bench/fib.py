# Recursive Fibonacci: the cost of a Python-level call and return, an int
# compare, an add and two subtractions per call (~11 million calls).
# Runs under gilvm and python3 alike; prints a checksum, measures nothing itself.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main():
    total = 0
    for n in range(26, 33, 2):
        total += fib(n)
    print("fib checksum", total)


main()
