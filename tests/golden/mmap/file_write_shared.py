# ACCESS_WRITE maps are shared: two maps of one file see each other's writes, and the file sees them too.
import mmap

with open("shared.bin", "wb") as f:
    f.write(b"0" * 32)
with open("shared.bin", "r+b") as f:
    a = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_WRITE)
    b = mmap.mmap(f.fileno(), 32)
a[0:5] = b"hello"
print(b[:5], b[5:8])
b[31] = ord("!")
print(a[-1:], a.flush(), b.flush(0, 16))
a.close()
b.close()
with open("shared.bin", "rb") as f:
    print(f.read())
with open("shared.bin", "r+b") as f:
    c = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
c[:5] = b"COPY!"
print(c[:6])
c.close()
with open("shared.bin", "rb") as f:
    print(f.read(8))

# The output:
# expect: b'hello' b'000'
# expect: b'!' None None
# expect: b'hello00000000000000000000000000!'
# expect: b'COPY!0'
# expect: b'hello000'
