# hashlib: update() in pieces (small ones and ones past the 2048-byte GIL threshold) equals one shot.
import hashlib

data = b"".join(str(i).encode() + b"," for i in range(20000))
print(len(data))  # expect: 108890
whole = hashlib.sha256(data).hexdigest()
for step in (1, 7, 2047, 2048, 2049, 65536, len(data)):
    h = hashlib.sha256()
    for i in range(0, len(data), step):
        h.update(data[i:i + step])
    print(step, h.hexdigest() == whole)
# expect: 1 True
# expect: 7 True
# expect: 2047 True
# expect: 2048 True
# expect: 2049 True
# expect: 65536 True
# expect: 108890 True
h = hashlib.md5(data[:5000])
print(h.update(data[5000:]))  # expect: None
print(h.hexdigest() == hashlib.md5(data).hexdigest())  # expect: True
h = hashlib.sha1()
h.update(b"")
print(h.hexdigest() == hashlib.sha1().hexdigest())  # expect: True
print(whole)  # expect: 83142e89974d78235874913557ecebdb72c2a79634f61558b3715460343c071b
