# zlib: zlib.error with CPython's messages, TypeError for non-bytes, the constants.
import zlib

def attempt(f):
    try:
        f()
    except zlib.error as e:
        print("zlib.error:", e)
    except Exception as e:
        print(type(e).__name__ + ":", e)

attempt(lambda: zlib.decompress(b"garbage"))
# expect: zlib.error: Error -3 while decompressing data: incorrect header check
attempt(lambda: zlib.decompress(zlib.compress(b"hello")[:-1]))
# expect: zlib.error: Error -5 while decompressing data: incomplete or truncated stream
attempt(lambda: zlib.decompress(b""))
# expect: zlib.error: Error -5 while decompressing data: incomplete or truncated stream
attempt(lambda: zlib.decompress(zlib.compress(b"x"), wbits=-15))
# expect: zlib.error: Error -3 while decompressing data: invalid stored block lengths
attempt(lambda: zlib.decompress(b"x", wbits=99))
# expect: zlib.error: Error -2 while preparing to decompress data: inconsistent stream state
attempt(lambda: zlib.compress(b"x", 10))  # expect: zlib.error: Bad compression level
attempt(lambda: zlib.compress(b"x", wbits=100))  # expect: zlib.error: Bad compression level
attempt(lambda: zlib.compress("text"))  # expect: TypeError: a bytes-like object is required, not 'str'
attempt(lambda: zlib.crc32("text"))  # expect: TypeError: a bytes-like object is required, not 'str'
attempt(lambda: zlib.adler32(5))  # expect: TypeError: a bytes-like object is required, not 'int'
attempt(lambda: zlib.decompress(b"x", bufsize=-1))  # expect: ValueError: bufsize must be non-negative
attempt(lambda: zlib.compress(b"x", level="9"))  # expect: TypeError: 'str' object cannot be interpreted as an integer
attempt(lambda: zlib.compress())  # expect: TypeError: compress() takes at least 1 positional argument (0 given)
attempt(lambda: zlib.compress(b"x", lvl=3))  # expect: TypeError: 'lvl' is an invalid keyword argument for compress()
attempt(lambda: zlib.crc32(b"x", value=1))  # expect: TypeError: zlib.crc32() takes no keyword arguments
attempt(lambda: zlib.crc32())  # expect: TypeError: crc32 expected at least 1 argument, got 0
print(issubclass(zlib.error, Exception), zlib.error.__name__, zlib.error)  # expect: True error <class 'zlib.error'>
print(zlib.MAX_WBITS, zlib.Z_BEST_COMPRESSION, zlib.Z_BEST_SPEED, zlib.Z_DEFAULT_COMPRESSION)  # expect: 15 9 1 -1
print(zlib.DEFLATED, zlib.DEF_BUF_SIZE, zlib.Z_FINISH, zlib.Z_NO_COMPRESSION)  # expect: 8 16384 4 0
