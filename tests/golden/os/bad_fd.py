# A closed descriptor: close, read and write raise OSError EBADF, whose
# str is CPython's "[Errno 9] Bad file descriptor".
import os

r, w = os.pipe()
os.close(r)
os.close(w)
for what, call in [("close", lambda: os.close(w)),
                   ("read", lambda: os.read(r, 1)),
                   ("write", lambda: os.write(w, b"x"))]:
    try:
        call()
    except OSError as e:
        print(what, type(e).__name__, e.errno, e)
# expect: close OSError 9 [Errno 9] Bad file descriptor
# expect: read OSError 9 [Errno 9] Bad file descriptor
# expect: write OSError 9 [Errno 9] Bad file descriptor
