# hashlib: CPython's errors for an unknown algorithm, str data, non-bytes data and bad arguments.
import hashlib

def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

attempt(lambda: hashlib.new("sha257"))  # expect: ValueError: unsupported hash type sha257
attempt(lambda: hashlib.new("nope", b"abc"))  # expect: ValueError: unsupported hash type nope
attempt(lambda: hashlib.new(42))  # expect: TypeError: name must be a string
attempt(lambda: hashlib.sha256("abc"))  # expect: TypeError: Strings must be encoded before hashing
attempt(lambda: hashlib.sha256().update("abc"))  # expect: TypeError: Strings must be encoded before hashing
attempt(lambda: hashlib.new("md5", "abc"))  # expect: TypeError: Strings must be encoded before hashing
attempt(lambda: hashlib.sha256(42))  # expect: TypeError: object supporting the buffer API required
attempt(lambda: hashlib.sha256().update(None))  # expect: TypeError: object supporting the buffer API required
attempt(lambda: hashlib.sha256(b"a", b"b"))
# expect: TypeError: openssl_sha256() takes at most 1 positional argument (2 given)
attempt(lambda: hashlib.sha256(data=b"a"))
# expect: TypeError: 'data' is an invalid keyword argument for openssl_sha256()
attempt(lambda: hashlib.sha256().update())  # expect: TypeError: HASH.update() takes exactly one argument (0 given)
attempt(lambda: hashlib.sha256().digest(1))  # expect: TypeError: HASH.digest() takes no arguments (1 given)
attempt(lambda: type(hashlib.sha256())())  # expect: TypeError: cannot create '_hashlib.HASH' instances
try:
    hashlib.new("sha257")
except ValueError:
    print("ValueError caught")  # expect: ValueError caught
