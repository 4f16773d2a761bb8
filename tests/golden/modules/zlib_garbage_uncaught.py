# zlib.decompress of garbage, uncaught: the traceback names zlib.error and zlib's reason.
import zlib

print(zlib.decompress(zlib.compress(b"fine")))  # expect: b'fine'
zlib.decompress(b"not zlib data")
# error: zlib.error: Error -3 while decompressing data: incorrect header check
