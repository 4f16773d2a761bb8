# A file mapped with ACCESS_READ: the whole file (length 0), an offset of one page, and refused writes.
import mmap

with open("data.bin", "wb") as f:
    f.write(b"line one\nline two\n" + b"." * 5000 + b"tail")
with open("data.bin", "rb") as f:
    m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
print(len(m), m.size(), m.readline(), m.readline(), m[-4:])
print(m.find(b"tail"), m.find(b"two", 0, 10), m.rfind(b"line"))
for attempt in [lambda: m.write(b"x"), lambda: m.__setitem__(0, 1), lambda: m.write_byte(1)]:
    try:
        attempt()
    except TypeError as e:
        print("TypeError", e)
with open("data.bin", "rb") as f:
    tail = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ, offset=mmap.ALLOCATIONGRANULARITY)
print(len(tail), tail[:3], tail[-4:])
print(repr(tail).replace(str(mmap.ALLOCATIONGRANULARITY), "PAGE"))
m.close()
tail.close()

# The output:
# expect: 5022 5022 b'line one\n' b'line two\n' b'tail'
# expect: 5018 -1 -1
# expect: TypeError mmap can't modify a readonly memory map.
# expect: TypeError mmap can't modify a readonly memory map.
# expect: TypeError mmap can't modify a readonly memory map.
# expect: 926 b'...' b'tail'
# expect: <mmap.mmap closed=False, access=ACCESS_READ, length=926, pos=0, offset=PAGE>
