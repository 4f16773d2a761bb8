# getcwd, listdir, mkdir, rmdir, remove, environ and os.path's existence tests.
# The listings are of a directory of the test's own: /tmp changes while other
# tests run beside this one.
import os

base = f"/tmp/gilvm_golden_os_{os.getpid()}"
print(os.path.isabs(os.getcwd()), os.path.isdir(os.getcwd()))
os.mkdir(base)
print(os.path.isdir(base), os.listdir(base))
path = os.path.join(base, "a.txt")
with open(path, "w") as f:
    f.write("hello\n")
with open(os.path.join(base, "b.txt"), "w") as f:
    f.write("")
print(os.path.exists(path), os.path.isfile(path), os.path.isdir(path))
print(sorted(os.listdir(base)))
try:
    os.mkdir(base)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.filename == base)
try:
    os.rmdir(base)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
os.remove(path)
os.unlink(os.path.join(base, "b.txt"))
print(os.path.exists(path), os.listdir(base))
try:
    os.remove(path)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == path)
os.rmdir(base)
print(os.path.exists(base))
try:
    os.listdir(base + "_missing")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename == base + "_missing")
try:
    os.listdir(42.0)
except TypeError as e:
    print("TypeError", e)
print(type(os.environ).__name__ in ("dict", "_Environ"), "PATH" in os.environ, isinstance(os.environ["PATH"], str))

# The expected output (CPython 3.11's):
# expect: True True
# expect: True []
# expect: True True False
# expect: ['a.txt', 'b.txt']
# expect: FileExistsError 17 True
# expect: OSError 39 Directory not empty
# expect: False []
# expect: FileNotFoundError 2 No such file or directory True
# expect: False
# expect: FileNotFoundError 2 True
# expect: TypeError listdir: path should be string, bytes, os.PathLike, integer or None, not float
# expect: True True True
