# The constructor's and the sequence protocol's errors are CPython's.
import mmap


def attempt(f):
    try:
        print(repr(f()))
    except (ValueError, TypeError, IndexError, OverflowError, OSError) as e:
        print(type(e).__name__, e)


with open("empty.bin", "wb"):
    pass
with open("ten.bin", "wb") as f:
    f.write(b"0123456789")
empty = open("empty.bin", "rb")
ten = open("ten.bin", "rb")
attempt(lambda: mmap.mmap(-1, -1))
attempt(lambda: mmap.mmap(-1, 0))
attempt(lambda: mmap.mmap(-1, 10, access=5))
attempt(lambda: mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ))
attempt(lambda: mmap.mmap(empty.fileno(), 0))
attempt(lambda: mmap.mmap(ten.fileno(), 20, access=mmap.ACCESS_READ))
attempt(lambda: mmap.mmap(ten.fileno(), 0, access=mmap.ACCESS_READ, offset=4096))
attempt(lambda: mmap.mmap(ten.fileno(), 0, offset=3))
attempt(lambda: mmap.mmap(ten.fileno(), 0))
m = mmap.mmap(-1, 4)
attempt(lambda: m[4])
attempt(lambda: m[-5])
attempt(lambda: m["a"])
attempt(lambda: m.__setitem__(0, 256))
attempt(lambda: m.__setitem__(0, b"a"))
attempt(lambda: m.__setitem__(slice(0, 2), b"abc"))
attempt(lambda: m.seek(5))
attempt(lambda: m.seek(0, 3))
attempt(lambda: m.write(b"12345"))
m.seek(4)
attempt(lambda: m.read_byte())
attempt(lambda: m.size())
empty.close()
ten.close()

# The output:
# expect: OverflowError memory mapped length must be positive
# expect: OSError [Errno 22] Invalid argument
# expect: ValueError mmap invalid access parameter.
# expect: ValueError mmap can't specify both access and flags, prot.
# expect: ValueError cannot mmap an empty file
# expect: ValueError mmap length is greater than file size
# expect: ValueError mmap offset is greater than file size
# expect: OSError [Errno 22] Invalid argument
# expect: PermissionError [Errno 13] Permission denied
# expect: IndexError mmap index out of range
# expect: IndexError mmap index out of range
# expect: TypeError mmap indices must be integers
# expect: ValueError mmap item value must be in range(0, 256)
# expect: TypeError mmap item value must be an int
# expect: IndexError mmap slice assignment is wrong size
# expect: ValueError seek out of range
# expect: ValueError unknown seek type
# expect: ValueError data out of range
# expect: ValueError read byte out of range
# expect: OSError [Errno 9] Bad file descriptor
