# Writing to a pipe whose read end is closed raises BrokenPipeError (EPIPE)
# instead of killing the process with SIGPIPE.
import os

r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"nobody reads this")
except BrokenPipeError as e:
    print(type(e).__name__, e.errno, e.strerror)  # expect: BrokenPipeError 32 Broken pipe
    print(e)  # expect: [Errno 32] Broken pipe
    print(isinstance(e, ConnectionError), isinstance(e, OSError))  # expect: True True
os.close(w)
print("still alive")  # expect: still alive
