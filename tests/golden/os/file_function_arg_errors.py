# os file functions take CPython's parameters (path/fd/code by name) and word wrong calls as CPython does.
import os

attempts = [
    ("pipe(1)", lambda: os.pipe(1)),
    ("close()", lambda: os.close()),
    ("getpid(1)", lambda: os.getpid(1)),
    ("strerror()", lambda: os.strerror()),
    ("listdir(1, 2)", lambda: os.listdir(1, 2)),
    ("unlink()", lambda: os.unlink()),
    ("mkdir(1, 2, 3, 4)", lambda: os.mkdir(1, 2, 3, 4)),
    ("read(fd=1, n=2)", lambda: os.read(fd=1, n=2)),
]


def outcome(call):
    try:
        call()
    except TypeError as e:
        return str(e)
    return "accepted"


print("\n".join(f"{label} -> {outcome(call)}" for label, call in attempts))
try:
    os.rmdir(path="/nonexistent-gilvm-dir")
except FileNotFoundError as e:
    print("rmdir by name:", e.filename)
print(sorted(os.listdir(path=os.path.dirname(os.path.abspath(__file__))))[:0], os.listdir(None) == os.listdir("."))
# expect: pipe(1) -> posix.pipe() takes no arguments (1 given)
# expect: close() -> close() missing required argument 'fd' (pos 1)
# expect: getpid(1) -> posix.getpid() takes no arguments (1 given)
# expect: strerror() -> posix.strerror() takes exactly one argument (0 given)
# expect: listdir(1, 2) -> listdir() takes at most 1 argument (2 given)
# expect: unlink() -> unlink() missing required argument 'path' (pos 1)
# expect: mkdir(1, 2, 3, 4) -> mkdir() takes at most 3 arguments (4 given)
# expect: read(fd=1, n=2) -> posix.read() takes no keyword arguments
# expect: rmdir by name: /nonexistent-gilvm-dir
# expect: [] True
