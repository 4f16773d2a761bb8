# getcwd, listdir, remove, environ and os.path's existence tests.
import os

base = f"/tmp/gilvm_golden_os_{os.getpid()}"
print(os.path.isabs(os.getcwd()), os.path.isdir(os.getcwd()))
path = base + ".txt"
with open(path, "w") as f:
    f.write("hello\n")
name = os.path.basename(path)
print(os.path.exists(path), os.path.isfile(path), os.path.isdir(path))
print(name in os.listdir("/tmp"), sorted(os.listdir("/tmp")) == sorted(set(os.listdir("/tmp"))))
os.remove(path)
print(os.path.exists(path), name in os.listdir("/tmp"))
try:
    os.remove(path)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename == path)
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
# expect: True True False
# expect: True True
# expect: False False
# expect: FileNotFoundError 2 No such file or directory True
# expect: FileNotFoundError 2 True
# expect: TypeError listdir: path should be string, bytes, os.PathLike, integer or None, not float
# expect: True True True
