# hashlib.new(name, data=b''): by Python name, by OpenSSL's name, data positional or by keyword.
import hashlib

print(hashlib.new("sha256").hexdigest())  # expect: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
print(hashlib.new("sha256", b"abc").hexdigest())
# expect: ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
print(hashlib.new(name="md5", data=b"abc").hexdigest())  # expect: 900150983cd24fb0d6963f7d28e17f72
print(hashlib.new("sha1", data=b"abc", usedforsecurity=False).hexdigest())
# expect: a9993e364706816aba3e25717850c26c9cd0d89d
for name in ("SHA256", "MD5", "sha512_256", "SHA3-256", "blake2b", "blake2s"):
    h = hashlib.new(name, b"abc")
    print(name, h.name, h.digest_size, h.hexdigest()[:24])
# expect: SHA256 sha256 32 ba7816bf8f01cfea414140de
# expect: MD5 md5 16 900150983cd24fb0d6963f7d
# expect: sha512_256 sha512_256 32 53048e2681941ef99b2e29b7
# expect: SHA3-256 sha3_256 32 3a985da74fe225b2045c172d
# expect: blake2b blake2b 64 ba80a53f981c4d0d6a2797b6
# expect: blake2s blake2s 32 508c5e8c327c14e2e1a72ba3
print(hashlib.new("sha256", b"x" * 5000).hexdigest() == hashlib.sha256(b"x" * 5000).hexdigest())  # expect: True
