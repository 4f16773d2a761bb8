# An uncaught EBADF reports as CPython does.
import os

print("before")  # expect: before
os.read(12345, 1)
# error: OSError: [Errno 9] Bad file descriptor
