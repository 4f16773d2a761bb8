# zlib.crc32 / adler32: known values, running values, start values taken modulo 2**32.
import zlib

print(zlib.crc32(b""), zlib.adler32(b""))  # expect: 0 1
print(zlib.crc32(b"hello"), zlib.adler32(b"hello"))  # expect: 907060870 103547413
print(zlib.crc32(b"The quick brown fox jumps over the lazy dog"))  # expect: 1095738169
print(zlib.adler32(b"Wikipedia"))  # expect: 300286872
data = bytes(range(256)) * 100
whole = zlib.crc32(data)
running = 0
for i in range(0, len(data), 1000):
    running = zlib.crc32(data[i:i + 1000], running)
print(whole, running == whole)  # expect: 319769915 True
a = zlib.adler32(data[:10000])
print(zlib.adler32(data[10000:], a) == zlib.adler32(data))  # expect: True
print(zlib.crc32(b"hello", -1), zlib.crc32(b"hello", 2**40 + 5), zlib.crc32(b"hello", -2**40))
# expect: 265137764 4277152246 907060870
print(zlib.adler32(b"hello", 0), zlib.crc32(b"x" * 10000))  # expect: 103219732 223716515
