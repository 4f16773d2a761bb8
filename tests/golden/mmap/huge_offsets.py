# Offsets, distances and steps near 2**63 are range errors or exact slices, never an overflow.
import mmap

m = mmap.mmap(-1, 4096)
m.seek(1)
for args in [(2**63 - 1, 1), (-(2**63), 1), (2**63 - 1, 2), (-4097, 2)]:
    try:
        m.seek(*args)
    except ValueError as e:
        print("seek", args[1], e)
print(m.tell())
for off, size in [(2**62, 2**62), (2**63 - 1, 1), (1, 2**63 - 1), (4097, 0)]:
    try:
        m.flush(off, size)
    except ValueError as e:
        print("flush", e)
m[4095] = 7
print(m[4095::2**63 - 1], m[4094::2**62])
m[4095::2**63 - 1] = b"z"
print(m[-1:], m[::-(2**63 - 1)])
m.close()

# The output:
# expect: seek 1 seek out of range
# expect: seek 1 seek out of range
# expect: seek 2 seek out of range
# expect: seek 2 seek out of range
# expect: 1
# expect: flush flush values out of range
# expect: flush flush values out of range
# expect: flush flush values out of range
# expect: flush flush values out of range
# expect: b'\x07' b'\x00'
# expect: b'z' b'z'
