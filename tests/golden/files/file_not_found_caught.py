# Opening a missing file for reading raises FileNotFoundError, an OSError.
try:
    open("missing.txt")
except FileNotFoundError as e:
    print(e)  # expect: [Errno 2] No such file or directory: 'missing.txt'
    print(isinstance(e, OSError), e.errno)  # expect: True 2
try:
    open("missing.txt", "rb")
except OSError as e:
    print(type(e).__name__)  # expect: FileNotFoundError
