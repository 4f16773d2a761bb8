# String building: + and += concatenation, str(), f-strings with format specs,
# join, split, len and indexing of the results.
# Runs under gilvm and python3 alike; prints a checksum, measures nothing itself.


def build_line(i):
    # Concatenation of short pieces, as code that formats a record by hand does.
    line = "item" + str(i) + "="
    for j in range(8):
        line += str(i * j) + ";"
    return line


def main():
    total = 0
    for rnd in range(240):
        lines = []
        for i in range(500):
            lines.append(build_line(i + rnd))
            lines.append(f"{i:5d}|{i * 7919 % 1000:03d}|{i / 7:.3f}|{'x' * (i % 5)!r}")
        text = "\n".join(lines)
        total += len(text)
        for line in text.split("\n"):
            fields = line.split(";")
            total += len(fields) + len(fields[0])
        words = " ".join([line[:6] for line in lines]).split()
        total += len(words) + len(words[-1])
    print("strings checksum", total)


main()
