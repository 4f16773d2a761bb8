# Big pickles: 1000-item batches (a set of exactly 1000 ends with an empty ADDITEMS) and 64 KiB frames.
import pickle
import zlib

for v in [list(range(1000)), list(range(1001)), set(range(1000)), {i: i for i in range(1001)}]:
    d = pickle.dumps(v)
    print(type(v).__name__, len(v), len(d), zlib.crc32(d), d[-12:])
    assert pickle.loads(d) == v
big = list(range(100000))
d = pickle.dumps(big)
print(len(d), zlib.crc32(d), d[:12])
strs = [str(i) for i in range(12000)]
print(len(pickle.dumps(strs)), zlib.crc32(pickle.dumps(strs)))
for v in [["a", b"x" * 70000, "b"], ["a" * 70000, "b"]]:
    d = pickle.dumps(v)
    print(len(d), d[:16], d[-24:])
    assert pickle.loads(d) == v

# The output:
# expect: list 1000 2760 745919452 b'\x03M\xe5\x03M\xe6\x03M\xe7\x03e.'
# expect: list 1001 2765 588606833 b'\xe6\x03M\xe7\x03e(M\xe8\x03e.'
# expect: set 1000 2762 2337194302 b'\xe5\x03M\xe6\x03M\xe7\x03\x90(\x90.'
# expect: dict 1001 5512 1445199131 b'\xe7\x03u(M\xe8\x03M\xe8\x03u.'
# expect: 368931 1103614888 b'\x80\x04\x95\x01\x00\x01\x00\x00\x00\x00\x00]'
# expect: 84937 1247922071
# expect: 70039 b'\x80\x04\x95\x07\x00\x00\x00\x00\x00\x00\x00]\x94(\x8c\x01' b'xxxxxxxx\x95\x07\x00\x00\x00\x00\x00\x00\x00\x94\x8c\x01b\x94e.'
# expect: 70026 b'\x80\x04]\x94(Xp\x11\x01\x00aaaaaa' b'aaaaaaaa\x95\x07\x00\x00\x00\x00\x00\x00\x00\x94\x8c\x01b\x94e.'
