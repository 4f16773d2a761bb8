# zlib.compress gives CPython's bytes exactly (same zlib), at every level, on inputs past the output block sizes.
import hashlib
import zlib

noise = b"".join(hashlib.sha256(str(i).encode()).digest() for i in range(3000))
text = b"".join(("row " + str(i * 7919 % 1000) + ";").encode() for i in range(30000))
data = (noise + text) * 2
print(len(data))  # expect: 665400
for level in range(-1, 10):
    c = zlib.compress(data, level)
    print(level, len(c), hashlib.sha256(c).hexdigest()[:32])
# expect: -1 202655 888967afe921fa45ef7ef1ac6c572600
# expect: 0 665461 77ef0126038cfa50aec2c5c4e387ec77
# expect: 1 211961 0f192729cbbbf6c96092477b963ea244
# expect: 2 212210 aa67ada7594bca5bf5426685ca7d2a81
# expect: 3 210537 b571f5eac0d7d35cb0ab8a6a376d693f
# expect: 4 204721 bbea9159c492cca3e1a5efa2d7230567
# expect: 5 203562 715f80ae824916b0c2c11ebdc529fb8e
# expect: 6 202655 888967afe921fa45ef7ef1ac6c572600
# expect: 7 202610 c24cb264e5d2b690db81aa0781b507fc
# expect: 8 201758 1dee60fc7b03f8858acc03798715503b
# expect: 9 201758 1dee60fc7b03f8858acc03798715503b
c = zlib.compress(data, 6, -15)
print(len(c), hashlib.sha256(c).hexdigest()[:32])  # expect: 202649 0dc479d57b18b779a0a99beca18f7764
c = zlib.compress(data, wbits=31)
print(len(c), hashlib.sha256(c).hexdigest()[:32])  # expect: 202667 cb1966e14d5116406777232a895b97f5
