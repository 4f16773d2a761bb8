# A while-loop sum: local loads and stores, int add/compare/and, a backward
# jump; no calls inside the loop (8 million iterations).
# Runs under gilvm and python3 alike; prints a checksum, measures nothing itself.


def main():
    total = 0
    i = 0
    n = 8_000_000
    while i < n:
        total += i & 1023
        i += 1
    print("loop checksum", total)


main()
