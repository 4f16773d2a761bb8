# mmap methods called with a wrong argument count raise CPython's getargs-style TypeErrors.
import mmap

m = mmap.mmap(-1, 16)
checks = [
    ("read(1, 2)", lambda: m.read(1, 2)),
    ("read(n=1)", lambda: m.read(n=1)),
    ("write()", lambda: m.write()),
    ("seek(1, 2, 3)", lambda: m.seek(1, 2, 3)),
    ("move(1)", lambda: m.move(1)),
    ("find()", lambda: m.find()),
    ("flush(1, 2, 3)", lambda: m.flush(1, 2, 3)),
    ("tell(1)", lambda: m.tell(1)),
]
results = []
for label, call in checks:
    try:
        call()
        results.append(label + " accepted")
    except TypeError as e:
        results.append(f"{label}: {e}")
print(*results, sep="\n")
m.write(b"abc")
m.seek(0)
print(m.read(2), m.find(b"c"), m.tell())
m.close()
# expect: read(1, 2): read() takes at most 1 argument (2 given)
# expect: read(n=1): mmap.read() takes no keyword arguments
# expect: write(): write() takes exactly 1 argument (0 given)
# expect: seek(1, 2, 3): seek() takes at most 2 arguments (3 given)
# expect: move(1): move() takes exactly 3 arguments (1 given)
# expect: find(): find() takes at least 1 argument (0 given)
# expect: flush(1, 2, 3): flush() takes at most 2 arguments (3 given)
# expect: tell(1): mmap.tell() takes no arguments (1 given)
# expect: b'ab' 2 2
