# OSError(errno, strerror) is an instance of the errno's subclass (CPython's
# errno map); a subclass of OSError is not remapped.
cases = [(11, "EAGAIN"), (115, "EINPROGRESS"), (10, "ECHILD"), (32, "EPIPE"),
         (103, "ECONNABORTED"), (111, "ECONNREFUSED"), (104, "ECONNRESET"),
         (17, "EEXIST"), (2, "ENOENT"), (21, "EISDIR"), (20, "ENOTDIR"),
         (4, "EINTR"), (13, "EACCES"), (1, "EPERM"), (3, "ESRCH"),
         (110, "ETIMEDOUT"), (9, "EBADF")]
for num, name in cases:
    e = OSError(num, name)
    print(name, type(e).__name__, e.errno, e)
# expect: EAGAIN BlockingIOError 11 [Errno 11] EAGAIN
# expect: EINPROGRESS BlockingIOError 115 [Errno 115] EINPROGRESS
# expect: ECHILD ChildProcessError 10 [Errno 10] ECHILD
# expect: EPIPE BrokenPipeError 32 [Errno 32] EPIPE
# expect: ECONNABORTED ConnectionAbortedError 103 [Errno 103] ECONNABORTED
# expect: ECONNREFUSED ConnectionRefusedError 111 [Errno 111] ECONNREFUSED
# expect: ECONNRESET ConnectionResetError 104 [Errno 104] ECONNRESET
# expect: EEXIST FileExistsError 17 [Errno 17] EEXIST
# expect: ENOENT FileNotFoundError 2 [Errno 2] ENOENT
# expect: EISDIR IsADirectoryError 21 [Errno 21] EISDIR
# expect: ENOTDIR NotADirectoryError 20 [Errno 20] ENOTDIR
# expect: EINTR InterruptedError 4 [Errno 4] EINTR
# expect: EACCES PermissionError 13 [Errno 13] EACCES
# expect: EPERM PermissionError 1 [Errno 1] EPERM
# expect: ESRCH ProcessLookupError 3 [Errno 3] ESRCH
# expect: ETIMEDOUT TimeoutError 110 [Errno 110] ETIMEDOUT
# expect: EBADF OSError 9 [Errno 9] EBADF

print(type(OSError("just a message")).__name__)  # expect: OSError
class MyError(OSError):
    pass
print(type(MyError(2, "x")).__name__)  # expect: MyError
for cls in [ConnectionRefusedError, ConnectionResetError, ConnectionAbortedError, BrokenPipeError]:
    print(cls.__name__, issubclass(cls, ConnectionError))
# expect: ConnectionRefusedError True
# expect: ConnectionResetError True
# expect: ConnectionAbortedError True
# expect: BrokenPipeError True
print([c.__name__ for c in (BlockingIOError, NotADirectoryError, ProcessLookupError) if issubclass(c, OSError)])
# expect: ['BlockingIOError', 'NotADirectoryError', 'ProcessLookupError']
