# zlib: decompress(compress(x)) == x for every level, empty and large inputs, zlib/gzip/raw wbits.
import zlib

text = b"".join(("line " + str(i) + " of some fairly repetitive text\n").encode() for i in range(3000))
print(len(text))  # expect: 121890
for level in (-1, 0, 1, 6, 9):
    c = zlib.compress(text, level)
    print(level, len(c) < len(text) or level == 0, zlib.decompress(c) == text)
# expect: -1 True True
# expect: 0 True True
# expect: 1 True True
# expect: 6 True True
# expect: 9 True True
print(zlib.decompress(zlib.compress(b"")))  # expect: b''
print(zlib.compress(b""))  # expect: b'x\x9c\x03\x00\x00\x00\x00\x01'
print(zlib.compress(b"hello world"))  # expect: b'x\x9c\xcbH\xcd\xc9\xc9W(\xcf/\xcaI\x01\x00\x1a\x0b\x04]'
print(zlib.decompress(zlib.compress(b"hello world", level=9)))  # expect: b'hello world'
for wbits in (9, 15, -15, 31):
    c = zlib.compress(text, wbits=wbits)
    print(wbits, zlib.decompress(c, wbits) == text, zlib.decompress(c, wbits=wbits, bufsize=1) == text)
# expect: 9 True True
# expect: 15 True True
# expect: -15 True True
# expect: 31 True True
print(zlib.decompress(zlib.compress(text) + b"trailing junk") == text)  # expect: True
big = bytes(range(256)) * 20000
print(zlib.decompress(zlib.compress(big, zlib.Z_BEST_SPEED)) == big)  # expect: True
