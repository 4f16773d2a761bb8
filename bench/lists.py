# Lists: append, indexing (load and store), slicing, sort (plain, key=,
# reverse=), the index method and len.
# Runs under gilvm and python3 alike; prints a checksum, measures nothing itself.


def main():
    n = 20_000
    total = 0
    x = 12345
    for rnd in range(40):
        values = []
        for i in range(n):
            # A linear congruential generator, so no import is needed.
            x = (x * 1103515245 + 12345) % 2147483648
            values.append(x % 100_000)
        for i in range(n):
            total += values[i]
        for i in range(1, n):
            values[i - 1] = values[i - 1] ^ values[i]
        sorted_copy = values[:]
        sorted_copy.sort()
        total += sorted_copy[0] + sorted_copy[n // 2] + sorted_copy[-1]
        pairs = []
        for i in range(0, n, 4):
            pairs.append((values[i] % 100, i))
        pairs.sort(key=lambda p: p[0], reverse=True)
        total += pairs[0][1] + pairs[-1][1]
        for i in range(0, n, n // 20):
            total += sorted_copy.index(sorted_copy[i])
        total += len(values) + len(pairs)
    print("lists checksum", total)


main()
