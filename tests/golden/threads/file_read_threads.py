# Threads reading files while others compute: reads release the GIL and
# each thread gets its own file's contents.
import threading

for i in range(4):
    with open(f"f{i}.txt", "w") as f:
        for j in range(2000):
            f.write(f"{i}:{j}\n")

sums = {}

def reader(i):
    total = 0
    with open(f"f{i}.txt") as f:
        for line in f:
            a, b = line.split(":")
            assert int(a) == i
            total += int(b)
    sums[i] = total

ts = [threading.Thread(target=reader, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(sums.items()))  # expect: [(0, 1999000), (1, 1999000), (2, 1999000), (3, 1999000)]

# Two threads sharing one file object: every line is read exactly once.
# gilvm's files lock themselves; CPython's text layer is not thread-safe
# (about one run in ten reads a line twice), so under CPython the readers
# take turns through a Lock and the expected output is the same.
import sys
guard = None if "gilvm" in sys.version else threading.Lock()
with open("f0.txt") as shared:
    got = []
    def take():
        if guard is None:
            for line in shared:
                got.append(line)
        else:
            with guard:
                for line in shared:
                    got.append(line)
    a = threading.Thread(target=take)
    b = threading.Thread(target=take)
    a.start()
    b.start()
    a.join()
    b.join()
print(len(got), len(set(got)))  # expect: 2000 2000
