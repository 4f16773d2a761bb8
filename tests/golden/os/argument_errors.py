# os functions check their arguments as CPython does.
import os

r, w = os.pipe()
try:
    os.write(w, "text")
except TypeError as e:
    print(e)  # expect: a bytes-like object is required, not 'str'
try:
    os.read(r, -1)
except OSError as e:
    print(e)  # expect: [Errno 22] Invalid argument
try:
    os.read("0", 1)
except TypeError as e:
    print(e)  # expect: 'str' object cannot be interpreted as an integer
try:
    os.urandom(-1)
except ValueError as e:
    print(e)  # expect: negative argument not allowed
os.close(r)
os.close(w)
