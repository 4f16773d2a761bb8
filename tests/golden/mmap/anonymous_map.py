# An anonymous map (fileno -1): indexing, slicing, assignment, and the file-like position methods.
import mmap

m = mmap.mmap(-1, 16)
print(len(m), m[0], m[:4], m[-1])
m[0] = 65
m[1:4] = b"BCD"
m[10:16:2] = b"xyz"
print(m[:], m[::-1][:6], m[10:16:2])
print(m.write(b"12"), m.tell(), m[:4])
m.seek(0)
print(m.read(3), m.tell(), m.read_byte(), m.find(b"z"), m.find(b"B"), m.rfind(b"\x00"))
m.seek(-2, 2)
print(m.tell(), m.read(), m.read(), m.tell())
m.seek(0)
m.write(b"one\ntwo\nthree")
m.seek(0)
print(m.readline(), m.readline(), m.readline())
print(b"t" in m, b"two" in m, b"q" in m, 116 in m, list(m)[:3])
m.seek(5)
m.write_byte(33)
print(m[:8], m.tell())
m.move(0, 4, 4)
print(m[:8])
try:
    m.move(14, 0, 4)
except ValueError as e:
    print("ValueError", e)
m.close()

# The output:
# expect: 16 0 b'\x00\x00\x00\x00' 0
# expect: b'ABCD\x00\x00\x00\x00\x00\x00x\x00y\x00z\x00' b'\x00z\x00y\x00x' b'xyz'
# expect: 2 2 b'12CD'
# expect: b'12C' 3 68 14 -1 15
# expect: 14 b'z\x00' b'' 16
# expect: b'one\n' b'two\n' b'three\x00z\x00'
# expect: True False False False [b'o', b'n', b'e']
# expect: b'one\nt!o\n' 6
# expect: b't!o\nt!o\n'
# expect: ValueError source, destination, or count out of range
