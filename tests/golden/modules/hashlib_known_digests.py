# hashlib: the standard test vectors (empty, "abc", a million "a") for md5, sha1, sha256, sha512.
import hashlib

million = b"a" * 1_000_000
for name in ("md5", "sha1", "sha256", "sha512"):
    ctor = getattr(hashlib, name)
    print(name, ctor(b"").hexdigest())
    print(name, ctor(b"abc").hexdigest())
    print(name, ctor(million).hexdigest())
# expect: md5 d41d8cd98f00b204e9800998ecf8427e
# expect: md5 900150983cd24fb0d6963f7d28e17f72
# expect: md5 7707d6ae4e027c70eea2a935c2296f21
# expect: sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709
# expect: sha1 a9993e364706816aba3e25717850c26c9cd0d89d
# expect: sha1 34aa973cd4c4daa4f61eeb2bdbad27316534016f
# expect: sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
# expect: sha256 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
# expect: sha256 cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0
# expect: sha512 cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e
# expect: sha512 ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f
# expect: sha512 e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b
print(hashlib.sha224(b"abc").hexdigest())  # expect: 23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7
print(hashlib.sha384(b"abc").hexdigest())
# expect: cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7
print(hashlib.sha3_256(b"abc").hexdigest())  # expect: 3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532
