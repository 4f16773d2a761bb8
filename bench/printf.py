# printf-style % formatting: the "%s %d" records of logging-style code, a
# padded report line with floats, and a mapping-keyed template.
# Runs under gilvm and python3 alike; prints a checksum, measures nothing itself.


def main():
    total = 0
    names = ["alpha", "beta", "gamma", "delta", "epsilon"]
    for rnd in range(60):
        for i in range(2000):
            name = names[i % 5]
            total += len("%s %d" % (name, i + rnd))
            total += len("%-8s|%6d|%8.3f|%#x" % (name, i, i / 7, i * rnd))
            total += len("%(n)s=%(v)05d" % {"n": name, "v": i})
    print("printf checksum", total)


main()
