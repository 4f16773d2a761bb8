# hashlib: copy() snapshots the state; the copy and the original then go their own ways.
import hashlib

a = hashlib.sha256(b"hello ")
b = a.copy()
a.update(b"world")
b.update(b"there")
print(a.hexdigest() == hashlib.sha256(b"hello world").hexdigest())  # expect: True
print(b.hexdigest() == hashlib.sha256(b"hello there").hexdigest())  # expect: True
print(a.hexdigest() != b.hexdigest())  # expect: True
c = b.copy()
print(c.hexdigest() == b.hexdigest(), c is b, c.name, type(c) is type(b))  # expect: True False sha256 True
big = b"x" * 100000
d = a.copy()
d.update(big)
print(a.hexdigest() == hashlib.sha256(b"hello world").hexdigest())  # expect: True
print(d.hexdigest() == hashlib.sha256(b"hello world" + big).hexdigest())  # expect: True
print(hashlib.new("sha512", b"abc").copy().hexdigest()[:32])  # expect: ddaf35a193617abacc417349ae204131
