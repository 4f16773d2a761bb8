# Dict inserts and lookups with int keys and with str keys: d[k] = v, d[k],
# `in`, get, len, iteration over items, del.
# Runs under gilvm and python3 alike; prints a checksum, measures nothing itself.


def main():
    n = 10_000
    str_keys = [f"key{i * 31 % n}" for i in range(n)]
    total = 0
    for rnd in range(100):
        ints = {}
        for i in range(n):
            ints[i * 7] = i
        for i in range(2 * n):
            if i in ints:
                total += ints[i]
            total += ints.get(i + 1, 1)
        strs = {}
        for i in range(n):
            strs[str_keys[i]] = i + rnd
        for k in str_keys:
            total += strs[k]
        for k, v in strs.items():
            total += v & 7
        for i in range(0, n, 3):
            del ints[i * 7]
        total += len(ints) + len(strs)
    print("dicts checksum", total)


main()
