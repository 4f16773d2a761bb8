# hashlib: digest() is bytes, hexdigest() its hex; digest() does not finish the object; name, digest_size, block_size.
import hashlib

h = hashlib.sha256(b"abc")
d = h.digest()
print(type(d).__name__, len(d), d[:4])  # expect: bytes 32 b'\xbax\x16\xbf'
print(d.hex() == h.hexdigest())  # expect: True
print(h.digest() == d)  # expect: True
h.update(b"def")
print(h.hexdigest() == hashlib.sha256(b"abcdef").hexdigest())  # expect: True
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256"):
    x = getattr(hashlib, name)()
    print(x.name, x.digest_size, x.block_size, len(x.digest()), len(x.hexdigest()))
# expect: md5 16 64 16 32
# expect: sha1 20 64 20 40
# expect: sha224 28 64 28 56
# expect: sha256 32 64 32 64
# expect: sha384 48 128 48 96
# expect: sha512 64 128 64 128
# expect: sha3_256 32 136 32 64
print(hashlib.md5(b"abc").digest())  # expect: b'\x90\x01P\x98<\xd2O\xb0\xd6\x96?}(\xe1\x7fr'
print(type(h).__name__, type(h).__module__)  # expect: HASH _hashlib
print(repr(h).startswith("<sha256 _hashlib.HASH object @ 0x"))  # expect: True
print(hashlib.sha256(string=b"abc").hexdigest() == hashlib.sha256(b"abc").hexdigest())  # expect: True
print(hashlib.sha256(b"abc", usedforsecurity=False).hexdigest()[:16])  # expect: ba7816bf8f01cfea
