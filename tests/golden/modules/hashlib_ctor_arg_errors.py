# hashlib constructors and HASH methods called wrongly raise CPython's TypeErrors.
import hashlib

h = hashlib.sha256()
calls = {
    "sha256 three positionals": lambda: hashlib.sha256(b"", True, True),
    "sha256 two positionals": lambda: hashlib.sha256(b"", b""),
    "sha256 string twice": lambda: hashlib.sha256(b"", string=b""),
    "sha256 unknown keyword": lambda: hashlib.sha256(x=1),
    "update no data": lambda: h.update(),
    "digest with argument": lambda: h.digest(1),
}
for what, fn in calls.items():
    try:
        fn()
        print(what, "no error")
    except TypeError as e:
        print(what, "->", e)
print(hashlib.sha1(string=b"a").hexdigest()[:8], hashlib.md5(b"", usedforsecurity=False).hexdigest()[:8])
# expect: sha256 three positionals -> openssl_sha256() takes at most 2 arguments (3 given)
# expect: sha256 two positionals -> openssl_sha256() takes at most 1 positional argument (2 given)
# expect: sha256 string twice -> argument for openssl_sha256() given by name ('string') and position (1)
# expect: sha256 unknown keyword -> 'x' is an invalid keyword argument for openssl_sha256()
# expect: update no data -> HASH.update() takes exactly one argument (0 given)
# expect: digest with argument -> HASH.digest() takes no arguments (1 given)
# expect: 86f7e437 d41d8cd9
